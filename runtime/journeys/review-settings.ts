/** Which disciplines must approve a journey's versions: the journey's own setting, else the server default. */
import { eq } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { journeys } from '../db/schema.js';
import { appendAudit } from '../db/audit.js';
import { InvalidInputError, NotFoundError } from '../errors.js';
import { DISCIPLINES, isDiscipline, type Discipline } from './signature-rules.js';

type Reader = Pick<Database, 'select'>;

/**
 * The server default, from `CAREPATH_REVIEW_DISCIPLINES` (comma-separated), else all three. Read per call so a test
 * or an operator changing the environment is seen; an invalid value is refused loudly rather than weakening review.
 */
export function serverDefaultDisciplines(env: Record<string, string | undefined> = process.env): Discipline[] {
  const raw = env.CAREPATH_REVIEW_DISCIPLINES?.trim();
  if (!raw) return [...DISCIPLINES];
  return checkDisciplines(
    raw.split(',').map((d) => d.trim()),
    'CAREPATH_REVIEW_DISCIPLINES',
  );
}

/** One to three known disciplines, no repeats; `where` names the input in the error. */
export function checkDisciplines(values: unknown[], where: string): Discipline[] {
  const unknown = values.filter((v) => !isDiscipline(v));
  if (unknown.length > 0)
    throw new InvalidInputError(
      'unknown-discipline',
      `${where}: ${unknown.map((v) => JSON.stringify(v)).join(', ')} is not a discipline; use ${DISCIPLINES.join(', ')}.`,
    );
  if (values.length === 0) throw new InvalidInputError('no-disciplines', `${where}: name at least one discipline.`);
  if (new Set(values).size !== values.length)
    throw new InvalidInputError('repeated-discipline', `${where}: each discipline may be named once.`);
  return DISCIPLINES.filter((d) => values.includes(d));
}

export async function reviewSettings(db: Reader, journeyId: string) {
  const [row] = await db
    .select({ reviewDisciplines: journeys.reviewDisciplines })
    .from(journeys)
    .where(eq(journeys.id, journeyId));
  if (!row) throw NotFoundError.of('journey', journeyId);
  return row.reviewDisciplines
    ? { disciplines: row.reviewDisciplines as Discipline[], source: 'journey' as const }
    : { disciplines: serverDefaultDisciplines(), source: 'server' as const };
}

/** Sets (or, with null, clears) the journey's own list; audited, since it decides who must approve. */
export async function setReviewSettings(db: Database, actor: string, journeyId: string, disciplines: unknown[] | null) {
  const value = disciplines === null ? null : checkDisciplines(disciplines, '/disciplines');
  await db.transaction(
    async (tx) => {
      const before = await reviewSettings(tx, journeyId);
      await tx.update(journeys).set({ reviewDisciplines: value }).where(eq(journeys.id, journeyId));
      await appendAudit(tx, {
        actor,
        action: 'journey.review-settings-changed',
        entityType: 'journey',
        entityId: journeyId,
        data: { from: before.source === 'journey' ? before.disciplines : null, to: value },
      });
    },
    { behavior: 'immediate' },
  );
  return reviewSettings(db, journeyId);
}
