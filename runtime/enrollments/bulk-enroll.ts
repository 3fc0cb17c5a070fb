/** Bulk enrollment from a CSV file: a preview that writes nothing, then each valid row's patient, consents and enrollment in one transaction, and its workflow started idempotently. */
import { and, eq, inArray, or } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { consents, enrollments, patients, versions } from '../db/schema.js';
import { newId, nowIso } from '../db/ids.js';
import { appendAudit } from '../db/audit.js';
import { ConflictError, DomainError, IntegrityError, InvalidInputError, NotFoundError } from '../errors.js';
import { acceptsEnrollments, type VersionStatus } from '../journeys/lifecycle.js';
import { auditIntegrityError, checkVersionIntegrity } from '../journeys/integrity.js';
import type { JourneyDocument } from '../../schema/document.js';
import { enrollmentWorkflowId, startEnrollment } from '../temporal/client.js';
import type { TemporalAccess } from './enroll.js';
import { bulkContext, checkBulkCsv, sameName, type BulkPatient, type BulkRow } from './bulk-rows.js';

export type BulkRowStatus = 'ready' | 'problem' | 'already-enrolled';

export interface PreviewRow {
  line: number;
  name: string;
  status: BulkRowStatus;
  problems: string[];
  /** A phone or email another patient also has: flagged, not refused. */
  warnings?: string[];
  phone?: string;
  email?: string;
  timeZone?: string;
  /** The existing patient the row is, matched by phone number or email address. */
  patientId?: string;
}

const CONSENT_SOURCE = 'bulk enrollment file';

async function publishedVersion(db: Database, versionId: string) {
  const [version] = await db.select().from(versions).where(eq(versions.id, versionId));
  if (!version) throw NotFoundError.of('version', versionId);
  if (!acceptsEnrollments(version.status as VersionStatus))
    throw new ConflictError(
      'version-not-published',
      `Version ${version.number} is ${version.status}; only a published version takes enrollments.`,
    );
  return version;
}

function readRows(csv: string, document: JourneyDocument): BulkRow[] {
  try {
    return checkBulkCsv(csv, bulkContext(document));
  } catch (error) {
    throw new InvalidInputError('invalid-csv', (error as Error).message);
  }
}

/** The existing (non-test) patients with these phone numbers or emails, and their enrollments in the journey. */
async function existing(db: Database, journeyId: string, rows: BulkRow[]) {
  const phones = rows.flatMap((r) => (r.patient?.phone ? [r.patient.phone] : []));
  const emails = rows.flatMap((r) => (r.patient?.email ? [r.patient.email] : []));
  const found =
    phones.length + emails.length === 0
      ? []
      : await db
          .select()
          .from(patients)
          .where(
            and(
              eq(patients.test, false),
              or(
                phones.length ? inArray(patients.phone, phones) : undefined,
                emails.length ? inArray(patients.email, emails) : undefined,
              ),
            ),
          );
  const enrolled =
    found.length === 0
      ? []
      : await db
          .select()
          .from(enrollments)
          .where(
            and(
              eq(enrollments.journeyId, journeyId),
              inArray(
                enrollments.patientId,
                found.map((p) => p.id),
              ),
            ),
          );
  const holders = (address: string | undefined) =>
    address ? found.filter((p) => p.phone === address || p.email === address) : [];
  // The row is an existing patient when the name matches too; another name on the address is someone sharing it.
  const match = (patient: BulkPatient) =>
    [...holders(patient.phone), ...holders(patient.email)].find((p) => sameName(p.name, patient.name));
  const sharing = (patient: BulkPatient) =>
    (['phone', 'email'] as const).flatMap((kind) =>
      holders(patient[kind])
        .filter((p) => !sameName(p.name, patient.name))
        .map(
          (p) =>
            `shares the ${kind === 'phone' ? 'phone number' : 'email address'} ${patient[kind]} with ${p.name}, already a patient`,
        ),
    );
  return { match, sharing, enrollmentOf: (patientId: string) => enrolled.find((e) => e.patientId === patientId) };
}

async function previewRows(db: Database, journeyId: string, document: JourneyDocument, csv: string) {
  const rows = readRows(csv, document);
  const known = await existing(db, journeyId, rows);
  return rows.map((row) => {
    const base = { line: row.line, name: row.name, problems: row.problems };
    if (!row.patient) return { row, view: { ...base, status: 'problem' as const } };
    const { phone, email, timeZone } = row.patient;
    const match = known.match(row.patient);
    const enrollment = match && known.enrollmentOf(match.id);
    const warnings = [...(row.warnings ?? []), ...known.sharing(row.patient)];
    const view: PreviewRow = {
      ...base,
      ...(warnings.length ? { warnings } : {}),
      status: enrollment ? 'already-enrolled' : 'ready',
      phone,
      email,
      timeZone,
      ...(match ? { patientId: match.id } : {}),
      ...(enrollment ? { problems: [`already enrolled (${enrollment.status})`] } : {}),
    };
    return { row, view, match, enrollment };
  });
}

const countsOf = (rows: PreviewRow[]) => ({
  rows: rows.length,
  ready: rows.filter((r) => r.status === 'ready').length,
  problems: rows.filter((r) => r.status === 'problem').length,
  alreadyEnrolled: rows.filter((r) => r.status === 'already-enrolled').length,
});

/** What enrolling the file would do, row by row; nothing is written. */
export async function previewBulkEnrollment(db: Database, versionId: string, csv: string) {
  const version = await publishedVersion(db, versionId);
  const rows = (await previewRows(db, version.journeyId, version.document as JourneyDocument, csv)).map((r) => r.view);
  return { versionId, rows, counts: countsOf(rows) };
}

/**
 * Enrolls the file's ready rows. Each row is all or nothing: its patient, consents, enrollment and audit records in
 * one transaction, then its workflow, started under the deterministic id. A row whose enrollment is recorded but
 * whose workflow start failed is started again by the next upload of the file (Temporal refuses a second run).
 */
export async function runBulkEnrollment(
  db: Database,
  temporal: () => TemporalAccess,
  actor: string,
  versionId: string,
  csv: string,
) {
  const version = await publishedVersion(db, versionId);
  const document = version.document as JourneyDocument;
  const integrity = await checkVersionIntegrity(db, version);
  if (!integrity.ok) {
    await auditIntegrityError(db, version.id, integrity, { actor, where: 'bulk enrollment' });
    throw new IntegrityError(
      'content-hash-mismatch',
      `Version ${version.number} cannot take enrollments: ${integrity.reason}. Nothing was written.`,
    );
  }
  const planned = await previewRows(db, version.journeyId, document, csv);
  const access = temporal();
  const purpose = document.settings?.consentPurpose;
  const results: Array<PreviewRow & { enrollmentId?: string; error?: string }> = [];
  for (const { row, view, match, enrollment } of planned) {
    if (view.status === 'problem') {
      results.push(view);
      continue;
    }
    if (enrollment) {
      // Recorded by an earlier upload: make sure its workflow runs (a no-op when it already does).
      const started =
        enrollment.status === 'running' && enrollment.versionId === version.id
          ? await ensureStarted(access, version, document, enrollment, match!).then(
              () => undefined,
              (error: Error) => error.message,
            )
          : undefined;
      results.push({ ...view, enrollmentId: enrollment.id, ...(started ? { error: started } : {}) });
      continue;
    }
    try {
      const written = await writeRow(db, actor, version, row.patient!, match?.id, purpose);
      await ensureStarted(access, version, document, written.enrollment, written.patient);
      results.push({ ...view, status: 'ready', patientId: written.patient.id, enrollmentId: written.enrollment.id });
    } catch (error) {
      if (error instanceof ConflictError && error.code === 'row-enrolled-meanwhile') {
        results.push({ ...view, status: 'already-enrolled', problems: ['already enrolled (by another upload)'] });
        continue;
      }
      if (error instanceof DomainError) throw error;
      // Nothing of the row was written (its transaction failed) or its workflow did not start: uploading again finishes it.
      results.push({ ...view, error: (error as Error).message });
    }
  }
  return {
    versionId,
    rows: results,
    counts: {
      ...countsOf(results),
      enrolled: results.filter((r) => r.status === 'ready' && !r.error).length,
      failed: results.filter((r) => r.error).length,
    },
  };
}

type VersionRow = typeof versions.$inferSelect;
type PatientRow = typeof patients.$inferSelect;
type EnrollmentRow = typeof enrollments.$inferSelect;

async function writeRow(
  db: Database,
  actor: string,
  version: VersionRow,
  input: BulkPatient,
  existingPatientId: string | undefined,
  purpose: string | undefined,
) {
  const patientId = existingPatientId ?? newId('pat');
  const at = nowIso();
  const enrollment: EnrollmentRow = {
    id: newId('enr'),
    journeyId: version.journeyId,
    versionId: version.id,
    patientId,
    workflowId: enrollmentWorkflowId(version.journeyId, patientId),
    status: 'running',
    reason: null,
    startedAt: at,
    endedAt: null,
    enrolledBy: actor,
  };
  await db.transaction(
    async (tx) => {
      // Another upload of the same file may have written this row since the preview: the write lock makes this check final.
      if (!existingPatientId && (await alreadyWritten(tx, version.journeyId, input)))
        throw new ConflictError('row-enrolled-meanwhile', 'This row was enrolled by another upload meanwhile.');
      if (!existingPatientId) {
        await tx.insert(patients).values({
          id: patientId,
          name: input.name,
          phone: input.phone ?? null,
          email: input.email ?? null,
          timeZone: input.timeZone,
          attributes: input.attributes,
        });
        await appendAudit(tx, { actor, action: 'patient.created', entityType: 'patient', entityId: patientId });
      }
      if (purpose)
        for (const channel of input.consentChannels) {
          await tx.insert(consents).values({
            id: newId('cns'),
            patientId,
            channel,
            purpose,
            status: 'granted',
            source: CONSENT_SOURCE,
            evidence: null,
            recordedBy: actor,
            recordedAt: at,
          });
          await appendAudit(tx, {
            actor,
            action: 'consent.granted',
            entityType: 'patient',
            entityId: patientId,
            data: { channel, purpose, source: CONSENT_SOURCE },
          });
        }
      await tx.insert(enrollments).values(enrollment);
      await appendAudit(tx, {
        actor,
        action: 'enrollment.started',
        entityType: 'enrollment',
        entityId: enrollment.id,
        data: { versionId: version.id, patientId, workflowId: enrollment.workflowId, source: 'bulk' },
      });
    },
    { behavior: 'immediate' },
  );
  const [patient] = await db.select().from(patients).where(eq(patients.id, patientId));
  return { patient: patient as PatientRow, enrollment };
}

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

/** Whether a (non-test) patient with the row's name and phone or email is already enrolled in the journey. */
async function alreadyWritten(tx: Tx, journeyId: string, input: BulkPatient): Promise<boolean> {
  const addresses = [input.phone, input.email].filter((a): a is string => !!a);
  const rows = await tx
    .select({ id: enrollments.id, name: patients.name })
    .from(enrollments)
    .innerJoin(patients, eq(patients.id, enrollments.patientId))
    .where(
      and(
        eq(enrollments.journeyId, journeyId),
        eq(patients.test, false),
        or(inArray(patients.phone, addresses), inArray(patients.email, addresses)),
      ),
    );
  // Another name on the address is a patient sharing it, not this row.
  return rows.some((r) => sameName(r.name, input.name));
}

/** Starts the enrollment's workflow; one already started under its deterministic id is the same run, so this is safe to repeat. */
async function ensureStarted(
  access: TemporalAccess,
  version: VersionRow,
  document: JourneyDocument,
  enrollment: EnrollmentRow,
  patient: PatientRow,
) {
  const declared = Object.keys(document.attributes ?? {});
  await startEnrollment(access.client, access.taskQueue, {
    workflowId: enrollment.workflowId,
    enrollmentId: enrollment.id,
    journeyId: version.journeyId,
    versionId: version.id,
    definition: document,
    attributes: Object.fromEntries(
      declared.filter((k) => k in patient.attributes).map((k) => [k, patient.attributes[k]]),
    ),
    timeZone: patient.timeZone,
    ...(access.publishLiveCounts ? { publishStep: true, publishPassed: true } : {}),
  });
}
