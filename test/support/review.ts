/** Test fixture for the review process: three reviewers (medical, legal, regulatory) who approve a version through the real signing rules. */
import type { Database } from '../../runtime/db/client.js';
import { ensureUser } from '../../runtime/people/users.js';
import { changeVersionStatus } from '../../runtime/journeys/transitions.js';
import { signVersion } from '../../runtime/journeys/signatures.js';
import { DISCIPLINES, type Discipline } from '../../runtime/journeys/signature-rules.js';

export const REVIEWER_PASSWORD = 'reviewer-password';

export const reviewerEmail = (discipline: Discipline) => `${discipline}.reviewer@example.org`;

/** The three reviewers, one per discipline; returns their ids by discipline. */
export async function seedReviewers(db: Database): Promise<Record<Discipline, string>> {
  const ids = {} as Record<Discipline, string>;
  for (const discipline of DISCIPLINES)
    ids[discipline] = await ensureUser(db, {
      email: reviewerEmail(discipline),
      name: `${discipline[0].toUpperCase()}${discipline.slice(1)} Reviewer`,
      password: REVIEWER_PASSWORD,
      roles: ['compliance-reviewer'],
      discipline,
    });
  return ids;
}

/** Submits the version (as `submitter`, when it is still a snapshot) and has every discipline approve it. */
export async function approveVersion(db: Database, versionId: string, submitter: string) {
  const reviewers = await seedReviewers(db);
  const version = await changeVersionStatus(db, submitter, versionId, 'submit');
  for (const discipline of version.requiredDisciplines)
    await signVersion(db, reviewers[discipline], versionId, {
      password: REVIEWER_PASSWORD,
      discipline,
      decision: 'approve',
      meaning: `I approve this content for ${discipline} review`,
    });
}
