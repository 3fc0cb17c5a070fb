/** Enrolling a patient in a published version: one enrollment row, one Temporal workflow, idempotent per journey and patient. */
import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { Client } from '@temporalio/client';
import type { Database } from '../db/client.js';
import { enrollments, patients, versions } from '../db/schema.js';
import { newId, nowIso } from '../db/ids.js';
import { appendAudit } from '../db/audit.js';
import {
  ConflictError,
  DomainError,
  IntegrityError,
  NotFoundError,
  UnavailableError,
  UnprocessableError,
} from '../errors.js';
import { acceptsEnrollments, type VersionStatus } from '../journeys/lifecycle.js';
import { auditIntegrityError, checkVersionIntegrity } from '../journeys/integrity.js';
import type { JourneyDocument } from '../../schema/document.js';
import type { EnrollmentStatus } from '../engine/types.js';
import {
  enrollmentWorkflowId,
  startEnrollment,
  enrollmentState,
  requestExit,
  signalEvent,
} from '../temporal/client.js';

export interface TemporalAccess {
  client: Client;
  taskQueue: string;
  /** The server has the live-count search attributes registered: enrollments publish their step and edges. */
  publishLiveCounts?: boolean;
}

type EnrollmentRow = typeof enrollments.$inferSelect;

function enrollmentView(row: EnrollmentRow, patientName?: string) {
  return {
    id: row.id,
    journeyId: row.journeyId,
    versionId: row.versionId,
    patientId: row.patientId,
    patientName,
    workflowId: row.workflowId,
    status: row.status as EnrollmentStatus,
    reason: row.reason ?? undefined,
    startedAt: row.startedAt,
    endedAt: row.endedAt ?? undefined,
  };
}

/** Only the attributes the journey declares travel into the workflow; names and contact details never do. */
function branchingAttributes(document: JourneyDocument, attributes: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.keys(document.attributes ?? {})
      .filter((key) => key in attributes)
      .map((key) => [key, attributes[key]]),
  );
}

/** `temporal` is asked for only once the request is known to be valid, so bad input gets its 4xx even while Temporal is down. */
export async function enroll(
  db: Database,
  temporal: () => TemporalAccess,
  actor: string,
  input: { versionId: string; patientId: string },
) {
  const [version] = await db.select().from(versions).where(eq(versions.id, input.versionId));
  if (!version) throw NotFoundError.of('version', input.versionId);
  if (!acceptsEnrollments(version.status as VersionStatus)) {
    throw new ConflictError(
      'version-not-published',
      `Version ${version.number} is ${version.status}; only a published version takes enrollments.`,
    );
  }
  const [patient] = await db.select().from(patients).where(eq(patients.id, input.patientId));
  if (!patient) throw NotFoundError.of('patient', input.patientId);
  // The approval is checked, not assumed: the stored document must still hash to what was approved.
  const integrity = await checkVersionIntegrity(db, version);
  if (!integrity.ok) {
    await auditIntegrityError(db, version.id, integrity, { actor, where: 'enrollment' });
    throw new IntegrityError(
      'content-hash-mismatch',
      `Version ${version.number} cannot take enrollments: ${integrity.reason}. Nothing was sent; the integrity error is recorded in the audit trail.`,
    );
  }

  const earlier = await db
    .select()
    .from(enrollments)
    .where(and(eq(enrollments.journeyId, version.journeyId), eq(enrollments.patientId, patient.id)))
    .orderBy(enrollments.startedAt);
  const latest = earlier.at(-1);
  if (latest?.status === 'running') return { enrollment: enrollmentView(latest, patient.name), alreadyEnrolled: true };
  if (latest && (version.document as JourneyDocument).entry?.reentry !== 'after-end') {
    throw new ConflictError(
      'reentry-not-allowed',
      `This patient has already been through this journey (${latest.status}); its entry rule does not allow re-entry.`,
    );
  }
  // The first run's id is journey + patient; each re-entry adds its run number, so every run stays deterministic and unique.
  const base = enrollmentWorkflowId(version.journeyId, patient.id);
  const workflowId = earlier.length === 0 ? base : `${base}-run${earlier.length + 1}`;

  const id = newId('enr');
  const row = {
    id,
    journeyId: version.journeyId,
    versionId: version.id,
    patientId: patient.id,
    workflowId,
    status: 'running',
    startedAt: nowIso(),
    enrolledBy: actor,
  };
  // The row lands before the workflow starts: the workflow's activities look the patient up through it.
  try {
    await db.transaction(
      async (tx) => {
        await tx.insert(enrollments).values(row);
        await appendAudit(tx, {
          actor,
          action: 'enrollment.started',
          entityType: 'enrollment',
          entityId: id,
          data: { versionId: version.id, patientId: patient.id, workflowId },
        });
      },
      { behavior: 'immediate' },
    );
  } catch (error) {
    // Two requests at once: the unique workflow id lets one win; the other answers as a repeat would.
    const [winner] = await db.select().from(enrollments).where(eq(enrollments.workflowId, workflowId));
    if (winner) return { enrollment: enrollmentView(winner, patient.name), alreadyEnrolled: true };
    throw error;
  }

  try {
    const document = version.document as JourneyDocument;
    const access = temporal();
    const started = await startEnrollment(access.client, access.taskQueue, {
      workflowId,
      enrollmentId: id,
      journeyId: version.journeyId,
      versionId: version.id,
      definition: document,
      attributes: branchingAttributes(document, patient.attributes),
      timeZone: patient.timeZone,
      ...(access.publishLiveCounts ? { publishStep: true, publishPassed: true } : {}),
      // Marks the run as a test, so the designer may skip its waits; real patients' runs refuse that.
      ...(patient.test ? { test: true } : {}),
    });
    if (started.alreadyStarted) {
      // A run exists in Temporal without a row here (e.g. the database was reset); do not leave a second record.
      await db.transaction(
        async (tx) => {
          await tx.delete(enrollments).where(eq(enrollments.id, id));
          await appendAudit(tx, {
            actor,
            action: 'enrollment.duplicate-refused',
            entityType: 'enrollment',
            entityId: id,
            data: { workflowId },
          });
        },
        { behavior: 'immediate' },
      );
      throw new ConflictError(
        'already-running',
        `A run of this journey is already active for this patient in Temporal.`,
      );
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    await db.transaction(
      async (tx) => {
        await tx.delete(enrollments).where(eq(enrollments.id, id));
        await appendAudit(tx, {
          actor,
          action: 'enrollment.start-failed',
          entityType: 'enrollment',
          entityId: id,
          data: { workflowId, error: String((error as Error).message ?? error) },
        });
      },
      { behavior: 'immediate' },
    );
    throw new UnavailableError(
      'runtime-unavailable',
      `The enrollment could not be started because the workflow service did not answer: ${(error as Error).message}. Nothing was recorded; try again.`,
    );
  }
  return { enrollment: enrollmentView(row as EnrollmentRow, patient.name), alreadyEnrolled: false };
}

export async function listEnrollments(
  db: Database,
  filter: { versionId?: string; journeyId?: string; patientId?: string },
) {
  const conditions: SQL[] = [];
  if (filter.versionId) conditions.push(eq(enrollments.versionId, filter.versionId));
  if (filter.journeyId) conditions.push(eq(enrollments.journeyId, filter.journeyId));
  if (filter.patientId) conditions.push(eq(enrollments.patientId, filter.patientId));
  const rows = await db
    .select({ enrollment: enrollments, patientName: patients.name })
    .from(enrollments)
    .innerJoin(patients, eq(patients.id, enrollments.patientId))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(enrollments.startedAt))
    .limit(500);
  return rows.map((r) => enrollmentView(r.enrollment, r.patientName));
}

export async function getEnrollment(db: Database, temporal: TemporalAccess | undefined, id: string) {
  const [row] = await db
    .select({ enrollment: enrollments, patientName: patients.name })
    .from(enrollments)
    .innerJoin(patients, eq(patients.id, enrollments.patientId))
    .where(eq(enrollments.id, id));
  if (!row) throw NotFoundError.of('enrollment', id);
  const state = temporal ? await enrollmentState(temporal.client, row.enrollment.workflowId).catch(() => null) : null;
  return { ...enrollmentView(row.enrollment, row.patientName), state };
}

export async function exitEnrollment(
  db: Database,
  temporal: () => TemporalAccess,
  actor: string,
  id: string,
  reason: string,
) {
  const enrollment = await getEnrollment(db, undefined, id);
  if (enrollment.status !== 'running')
    throw new ConflictError('not-running', `The enrollment has already ${enrollment.status}.`);
  const access = temporal();
  await db.transaction(
    async (tx) => {
      await appendAudit(tx, {
        actor,
        action: 'enrollment.exit-requested',
        entityType: 'enrollment',
        entityId: id,
        data: { reason },
      });
    },
    { behavior: 'immediate' },
  );
  await requestExit(access.client, enrollment.workflowId, reason);
  return enrollment;
}

/** Delivers a named event to a running enrollment; the journey decides what it means (wait-for-event, exit criteria, goals). */
export async function sendEnrollmentEvent(
  db: Database,
  temporal: () => TemporalAccess,
  actor: string,
  id: string,
  event: { name: string; payload?: Record<string, unknown> },
) {
  const enrollment = await getEnrollment(db, undefined, id);
  if (enrollment.status !== 'running')
    throw new ConflictError(
      'not-running',
      `The enrollment has already ${enrollment.status}; the event was not delivered.`,
    );
  const [version] = await db
    .select({ document: versions.document })
    .from(versions)
    .where(eq(versions.id, enrollment.versionId));
  const declared = (version?.document as JourneyDocument | undefined)?.events ?? {};
  if (!Object.prototype.hasOwnProperty.call(declared, event.name)) {
    throw new UnprocessableError(
      'undeclared-event',
      `This journey declares no event "${event.name}"; it declares: ${Object.keys(declared).join(', ') || 'none'}.`,
    );
  }
  const problems = payloadProblems(declared[event.name].fields ?? {}, event.payload ?? {});
  if (problems.length > 0)
    throw new UnprocessableError('invalid-payload', problems.map((p) => p.message).join(' '), problems);
  const access = temporal();
  await db.transaction(
    (tx) =>
      appendAudit(tx, {
        actor,
        action: 'enrollment.event',
        entityType: 'enrollment',
        entityId: id,
        data: { name: event.name },
      }),
    { behavior: 'immediate' },
  );
  await signalEvent(access.client, enrollment.workflowId, event);
  return enrollment;
}

/** A payload must carry only the event's declared fields, each of its declared type, so filters see what they were checked against. */
function payloadProblems(fields: Record<string, { type: string }>, payload: Record<string, unknown>) {
  const problems: Array<{ code: string; pointer: string; severity: 'error'; message: string }> = [];
  for (const [name, value] of Object.entries(payload)) {
    const pointer = `/payload/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    const field = Object.hasOwn(fields, name) ? fields[name] : undefined;
    if (!field) {
      problems.push({
        code: 'event.unknown-field',
        pointer,
        severity: 'error',
        message: `"${name}" is not a field of this event; its fields are: ${Object.keys(fields).join(', ') || 'none'}.`,
      });
      continue;
    }
    if (value === null) continue;
    const fits =
      field.type === 'date'
        ? typeof value === 'string' && !Number.isNaN(Date.parse(value))
        : typeof value === field.type;
    if (!fits)
      problems.push({
        code: 'event.field-type',
        pointer,
        severity: 'error',
        message: `"${name}" must be a ${field.type}.`,
      });
  }
  return problems;
}
