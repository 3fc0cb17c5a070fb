/** The running enrollments of a version, each with the step it waits in (one visibility listing) and what keeps it from moving now (a few batched queries, never one per patient). */
import { and, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Client } from '@temporalio/client';
import type { Database } from '../db/client.js';
import { assessmentResponses, enrollments, messages, patients, tasks, users } from '../db/schema.js';
import { UnavailableError } from '../errors.js';
import { stepsFromVisibility } from '../enrollments/by-version.js';
import type { JourneyDocument } from '../../schema/document.js';

export interface WaitingEnrollment {
  id: string;
  patientId: string;
  patientName: string;
  workflowId: string;
  /** The step visibility shows it in; absent until the workflow has published one. */
  step?: string;
}

/** Large programs: visibility is read to the end, not to the enrollments view's limit. */
const NO_LIMIT = Number.MAX_SAFE_INTEGER;

/** SQLite caps bound parameters; ids go in slices. */
const SLICE = 500;
function slices<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += SLICE) out.push(items.slice(i, i + SLICE));
  return out;
}

export async function waitingEnrollments(
  db: Database,
  client: Client | undefined,
  versionId: string,
): Promise<WaitingEnrollment[]> {
  if (!client)
    throw new UnavailableError('runtime-unavailable', 'Temporal is not reachable; where patients wait is unknown.');
  const steps = await stepsFromVisibility(client, versionId, NO_LIMIT);
  if (!steps)
    throw new UnavailableError(
      'visibility-unavailable',
      "Temporal's visibility did not answer (or the Carepath search attributes are not registered); where patients wait is unknown.",
    );
  const rows = await db
    .select({
      id: enrollments.id,
      patientId: enrollments.patientId,
      patientName: patients.name,
      workflowId: enrollments.workflowId,
    })
    .from(enrollments)
    .innerJoin(patients, eq(patients.id, enrollments.patientId))
    .where(and(eq(enrollments.versionId, versionId), eq(enrollments.status, 'running')))
    .orderBy(patients.name);
  return rows.map((row) => ({ ...row, ...(steps.has(row.workflowId) ? { step: steps.get(row.workflowId) } : {}) }));
}

/**
 * Why each of these enrollments cannot move now, by enrollment id: a nurse working its task, a message still being
 * sent, or an assessment with answers partly given. The workflow's own check stays the last word when it moves.
 */
export async function blockers(
  db: Database,
  document: JourneyDocument,
  found: WaitingEnrollment[],
): Promise<Map<string, string>> {
  const reasons = new Map<string, string>();
  for (const part of slices(found)) {
    const ids = part.map((e) => e.id);
    const claimed = await db
      .select({ enrollmentId: tasks.enrollmentId, step: tasks.stepId, nurse: users.name })
      .from(tasks)
      .innerJoin(users, eq(users.id, tasks.claimedBy))
      .where(and(inArray(tasks.enrollmentId, ids), eq(tasks.status, 'open'), isNotNull(tasks.claimedBy)));
    for (const task of claimed)
      reasons.set(
        task.enrollmentId,
        `${task.nurse} is working task "${task.step}"; the patient can move once the outcome is recorded or the task released.`,
      );
    const sending = await db
      .selectDistinct({ enrollmentId: messages.enrollmentId })
      .from(messages)
      .where(
        and(inArray(messages.enrollmentId, ids), eq(messages.direction, 'outbound'), eq(messages.status, 'queued')),
      );
    for (const { enrollmentId } of sending)
      if (enrollmentId && !reasons.has(enrollmentId))
        reasons.set(enrollmentId, 'A message to the patient is being sent; try again in a moment.');
    for (const [id, reason] of await midAssessment(db, document, part)) if (!reasons.has(id)) reasons.set(id, reason);
  }
  return reasons;
}

/** Enrollments at an assessment step that took an answer there after the step's last finished response. */
async function midAssessment(
  db: Database,
  document: JourneyDocument,
  found: WaitingEnrollment[],
): Promise<Map<string, string>> {
  const assessing = found.filter((e) => e.step && document.steps[e.step]?.type === 'assessment');
  const reasons = new Map<string, string>();
  if (assessing.length === 0) return reasons;
  const ids = assessing.map((e) => e.id);
  const answers = await db
    .select({ enrollmentId: messages.enrollmentId, step: messages.stepId, at: messages.createdAt })
    .from(messages)
    .where(
      and(inArray(messages.enrollmentId, ids), eq(messages.direction, 'inbound'), eq(messages.status, 'delivered')),
    )
    .orderBy(desc(messages.createdAt));
  const finished = await db
    .select({
      enrollmentId: assessmentResponses.enrollmentId,
      step: assessmentResponses.stepId,
      at: assessmentResponses.createdAt,
    })
    .from(assessmentResponses)
    .where(inArray(assessmentResponses.enrollmentId, ids))
    .orderBy(desc(assessmentResponses.createdAt));
  const lastAnswer = newestByStep(answers);
  const lastFinished = newestByStep(finished);
  for (const enrollment of assessing) {
    const key = `${enrollment.id} ${enrollment.step}`;
    const answered = lastAnswer.get(key);
    const done = lastFinished.get(key);
    if (answered && (!done || answered > done))
      reasons.set(
        enrollment.id,
        `Mid-assessment at step "${enrollment.step}": answers are partly given; the patient can move once it is finished.`,
      );
  }
  return reasons;
}

/** The newest time per (enrollment, step), from rows ordered newest first. */
function newestByStep(rows: { enrollmentId: string | null; step: string | null; at: string }[]): Map<string, string> {
  const newest = new Map<string, string>();
  for (const row of rows) {
    const key = `${row.enrollmentId} ${row.step}`;
    if (!newest.has(key)) newest.set(key, row.at);
  }
  return newest;
}
