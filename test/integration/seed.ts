/** Rows an enrollment needs, written straight to a real database: a journey, its published version, a patient, the enrollment. */
import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import type { JourneyDocument } from '../../schema/document.js';
import type { Database } from '../../runtime/db/client.js';
import { newId, nowIso } from '../../runtime/db/ids.js';
import { enrollments, journeys, patients, versions } from '../../runtime/db/schema.js';
import { enrollmentWorkflowId } from '../../runtime/temporal/client.js';
import type { EnrollmentInput } from '../../runtime/temporal/types.js';
import { daytimeZone } from '../support/daytime-zone.js';
import { contentHash } from '../../schema/canonical.js';

export const firstDoseCheckIn = JSON.parse(
  readFileSync(new URL('../../examples/journeys/first-dose-check-in.journey.json', import.meta.url), 'utf8'),
) as JourneyDocument;

export interface SeededJourney {
  journeyId: string;
  versionId: string;
  document: JourneyDocument;
}

export async function seedJourney(db: Database, document: JourneyDocument = firstDoseCheckIn): Promise<SeededJourney> {
  const journeyId = newId('jrn');
  const versionId = newId('ver');
  await db
    .insert(journeys)
    .values({ id: journeyId, name: document.name, draft: document, createdBy: 'usr_test', updatedAt: nowIso() });
  await db.insert(versions).values({
    id: versionId,
    journeyId,
    number: 1,
    document,
    // The real hash: the workflow's first activity recomputes it and refuses a version that does not match.
    contentHash: await contentHash(document),
    status: 'published',
    createdBy: 'usr_test',
    publishedAt: nowIso(),
  });
  return { journeyId, versionId, document };
}

export interface PatientFields {
  name?: string;
  phone?: string | null;
  email?: string | null;
  attributes?: Record<string, unknown>;
}

export async function seedPatient(db: Database, fields: PatientFields = {}): Promise<string> {
  const id = newId('pat');
  await db.insert(patients).values({
    id,
    name: fields.name ?? 'Ada Lovelace',
    phone: fields.phone === undefined ? '+15551234567' : fields.phone,
    email: fields.email ?? null,
    timeZone: daytimeZone(),
    attributes: fields.attributes ?? {},
  });
  return id;
}

/** Inserts the enrollment row and returns what `startEnrollment` takes. */
export async function seedEnrollment(
  db: Database,
  journey: SeededJourney,
  patientId: string,
): Promise<EnrollmentInput & { workflowId: string }> {
  const enrollmentId = newId('enr');
  const workflowId = enrollmentWorkflowId(journey.journeyId, patientId);
  await db.insert(enrollments).values({
    id: enrollmentId,
    journeyId: journey.journeyId,
    versionId: journey.versionId,
    patientId,
    workflowId,
    status: 'running',
    startedAt: nowIso(),
  });
  return {
    workflowId,
    enrollmentId,
    journeyId: journey.journeyId,
    versionId: journey.versionId,
    definition: journey.document,
    attributes: {},
    timeZone: daytimeZone(),
  };
}

export async function enrollmentRow(db: Database, enrollmentId: string) {
  const [row] = await db.select().from(enrollments).where(eq(enrollments.id, enrollmentId));
  return row;
}
