/** Who a contact-hygiene report covers: the patients enrolled in a version, in any version of a journey, or every patient; with the channels their journeys reach them on. */
import { and, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { enrollments, journeys, patients, versions } from '../db/schema.js';
import { NotFoundError } from '../errors.js';
import type { JourneyDocument } from '../../schema/document.js';
import { journeyChannels } from '../enrollments/bulk-rows.js';

export type HygieneScope =
  | { kind: 'all' }
  | { kind: 'journey'; journeyId: string; journeyName: string }
  | { kind: 'version'; journeyId: string; journeyName: string; versionId: string; versionNumber: number };

/** A patient's enrollment as the report shows it: which journey and version, and how it stands. */
export interface EnrollmentRef {
  journeyName: string;
  versionNumber: number;
  status: string;
  /** The channels that version reaches the patient on (sms, email, voice…). */
  channels: string[];
}

export type ScopedPatient = typeof patients.$inferSelect & { enrollments: EnrollmentRef[] };

export async function resolveScope(
  db: Database,
  filter: { journeyId?: string; versionId?: string },
): Promise<HygieneScope> {
  if (filter.versionId) {
    const [version] = await db
      .select({ id: versions.id, number: versions.number, journeyId: journeys.id, journeyName: journeys.name })
      .from(versions)
      .innerJoin(journeys, eq(journeys.id, versions.journeyId))
      .where(eq(versions.id, filter.versionId));
    if (!version) throw NotFoundError.of('version', filter.versionId);
    return {
      kind: 'version',
      journeyId: version.journeyId,
      journeyName: version.journeyName,
      versionId: version.id,
      versionNumber: version.number,
    };
  }
  if (filter.journeyId) {
    const [journey] = await db
      .select({ id: journeys.id, name: journeys.name })
      .from(journeys)
      .where(eq(journeys.id, filter.journeyId));
    if (!journey) throw NotFoundError.of('journey', filter.journeyId);
    return { kind: 'journey', journeyId: journey.id, journeyName: journey.name };
  }
  return { kind: 'all' };
}

/**
 * The scope's patients with their enrollments in it (newest first). Test patients are left out: they were made up
 * in the designer's test run and are no program's contact list. In the overall report a patient with no enrollment
 * is still checked for bad, opted-out and shared addresses; nothing is missing for them, as nothing is sent.
 */
export async function scopedPatients(db: Database, scope: HygieneScope): Promise<ScopedPatient[]> {
  const inScope: SQL | undefined =
    scope.kind === 'version'
      ? eq(enrollments.versionId, scope.versionId)
      : scope.kind === 'journey'
        ? eq(enrollments.journeyId, scope.journeyId)
        : undefined;
  const enrolled = await db
    .select({
      patientId: enrollments.patientId,
      versionId: enrollments.versionId,
      status: enrollments.status,
      journeyName: journeys.name,
      versionNumber: versions.number,
    })
    .from(enrollments)
    .innerJoin(journeys, eq(journeys.id, enrollments.journeyId))
    .innerJoin(versions, eq(versions.id, enrollments.versionId))
    .where(inScope)
    .orderBy(desc(enrollments.startedAt));
  const channels = await channelsOfVersions(db, [...new Set(enrolled.map((e) => e.versionId))]);
  const byPatient = new Map<string, EnrollmentRef[]>();
  for (const e of enrolled) {
    const ref = {
      journeyName: e.journeyName,
      versionNumber: e.versionNumber,
      status: e.status,
      channels: channels.get(e.versionId) ?? [],
    };
    byPatient.set(e.patientId, [...(byPatient.get(e.patientId) ?? []), ref]);
  }
  const rows = await db
    .select()
    .from(patients)
    .where(
      and(
        eq(patients.test, false),
        inScope
          ? inArray(patients.id, db.select({ id: enrollments.patientId }).from(enrollments).where(inScope))
          : undefined,
      ),
    )
    .orderBy(patients.name, patients.id);
  return rows.map((p) => ({ ...p, enrollments: byPatient.get(p.id) ?? [] }));
}

/** Each version's channels, read from its frozen document once however many patients it has. */
async function channelsOfVersions(db: Database, versionIds: string[]): Promise<Map<string, string[]>> {
  if (versionIds.length === 0) return new Map();
  const rows = await db
    .select({ id: versions.id, document: versions.document })
    .from(versions)
    .where(inArray(versions.id, versionIds));
  return new Map(rows.map((v) => [v.id, journeyChannels(v.document as JourneyDocument)]));
}
