/** The path an enrollment took, for the patient's record: from the workflow's state when Temporal still has it, otherwise rebuilt from the messages, answers and tasks on record. */
import { and, asc, desc, eq } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import {
  assessmentResponses,
  enrollmentMigrationItems,
  enrollmentMigrations,
  enrollments,
  messages,
  tasks,
  versions,
} from '../db/schema.js';
import { NotFoundError } from '../errors.js';
import type { TemporalAccess } from '../enrollments/enroll.js';
import { enrollmentState } from '../temporal/client.js';
import type { EnrollmentState } from '../engine/types.js';
import type { JourneyDocument } from '../../schema/document.js';
import type { EnrollmentPath, PathStep } from '../api/schemas/enrollment-path.js';

const iso = (ms: number) => new Date(ms).toISOString();

export async function enrollmentPath(
  db: Database,
  temporal: TemporalAccess | undefined,
  enrollmentId: string,
): Promise<EnrollmentPath> {
  const [row] = await db
    .select({ enrollment: enrollments, document: versions.document })
    .from(enrollments)
    .innerJoin(versions, eq(versions.id, enrollments.versionId))
    .where(eq(enrollments.id, enrollmentId));
  if (!row) throw NotFoundError.of('enrollment', enrollmentId);
  const { enrollment } = row;
  // Steps are named from the version the enrollment runs, and a step it went through before a migration moved it
  // there from the version it was in then (the newest that has it).
  const documents = [row.document, ...(await versionsMovedFrom(db, enrollmentId))] as JourneyDocument[];
  const describe = (id: string) => {
    const step = documents.map((document) => document.steps[id]).find((found) => found !== undefined);
    return { name: step?.name || id, type: step?.type ?? 'unknown' };
  };
  const base = { enrollmentId, versionId: enrollment.versionId, status: enrollment.status };

  // A run Temporal no longer keeps (past its retention) or cannot reach now falls back to the records.
  const state = temporal ? await enrollmentState(temporal.client, enrollment.workflowId).catch(() => null) : null;
  if (state) return { ...base, source: 'journey', ...fromState(state, describe) };
  return { ...base, source: 'records', steps: await fromRecords(db, enrollmentId, describe) };
}

/** The documents of the versions migrations moved this enrollment away from, the most recent move first. */
async function versionsMovedFrom(db: Database, enrollmentId: string): Promise<unknown[]> {
  const moves = await db
    .select({ document: versions.document })
    .from(enrollmentMigrationItems)
    .innerJoin(enrollmentMigrations, eq(enrollmentMigrations.id, enrollmentMigrationItems.migrationId))
    .innerJoin(versions, eq(versions.id, enrollmentMigrations.fromVersionId))
    .where(and(eq(enrollmentMigrationItems.enrollmentId, enrollmentId), eq(enrollmentMigrationItems.status, 'moved')))
    .orderBy(desc(enrollmentMigrationItems.updatedAt));
  return moves.map((move) => move.document);
}

function fromState(state: EnrollmentState, describe: (step: string) => { name: string; type: string }) {
  const steps: PathStep[] = state.path.map((entry) => ({
    step: entry.step,
    ...describe(entry.step),
    visit: entry.visit,
    enteredAt: iso(entry.enteredAt),
    ...(entry.leftAt !== undefined ? { leftAt: iso(entry.leftAt) } : {}),
    ...(entry.output !== undefined ? { output: entry.output } : {}),
    ...(entry.detail ? { detail: entry.detail } : {}),
  }));
  const here = state.status === 'running' && state.phase.kind !== 'done' ? state.phase.step : undefined;
  return { steps, ...(here ? { currentStep: here } : {}) };
}

/** Each step the records show, at the time of its first record per visit, in time order. */
async function fromRecords(
  db: Database,
  enrollmentId: string,
  describe: (step: string) => { name: string; type: string },
): Promise<PathStep[]> {
  const [sent, answered, worked] = await Promise.all([
    db
      .select({ step: messages.stepId, visit: messages.visit, at: messages.createdAt })
      .from(messages)
      .where(and(eq(messages.enrollmentId, enrollmentId), eq(messages.direction, 'outbound')))
      .orderBy(asc(messages.createdAt)),
    db
      .select({ step: assessmentResponses.stepId, at: assessmentResponses.createdAt })
      .from(assessmentResponses)
      .where(eq(assessmentResponses.enrollmentId, enrollmentId)),
    db
      .select({ step: tasks.stepId, visit: tasks.visit, at: tasks.createdAt, outcome: tasks.outcome })
      .from(tasks)
      .where(eq(tasks.enrollmentId, enrollmentId)),
  ]);
  const records: { step: string | null; visit: number | null; at: string; outcome: string | null }[] = [
    ...sent.map((r) => ({ ...r, outcome: null })),
    ...answered.map((r) => ({ ...r, visit: null, outcome: null })),
    ...worked,
  ].sort((a, b) => a.at.localeCompare(b.at));
  const seen = new Map<string, PathStep>();
  for (const { step, visit, at, outcome } of records.map((r) => ({ ...r, visit: r.visit ?? 1 }))) {
    if (!step) continue;
    const known = seen.get(`${step}:${visit}`);
    if (known) {
      if (outcome) known.output = outcome;
      continue;
    }
    seen.set(`${step}:${visit}`, {
      step,
      ...describe(step),
      visit,
      enteredAt: at,
      ...(outcome ? { output: outcome } : {}),
    });
  }
  return [...seen.values()];
}
