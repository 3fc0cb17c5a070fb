/** Recording a task's outcome: the journey hears it through a Workflow Update and goes on at once; the task closes with the nurse's note. */
import { eq } from 'drizzle-orm';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import type { Database } from '../db/client.js';
import { appendAudit } from '../db/audit.js';
import { nowIso } from '../db/ids.js';
import { enrollments, tasks } from '../db/schema.js';
import { ConflictError, NotFoundError, UnprocessableError } from '../errors.js';
import type { SessionUser } from '../people/roles.js';
import type { TemporalAccess } from '../enrollments/enroll.js';
import { recordTaskOutcome } from '../temporal/client.js';
import type { TaskOutcomeResult } from '../temporal/task-update.js';
import type { Task, TaskOutcomeInput } from '../api/schemas/task.js';
import { refuseUnworkable } from './claims.js';
import { loadTasks, visitOf } from './view.js';

/** The message the workflow gave for refusing, without the SDK's wrapping. */
function refusalOf(error: WorkflowUpdateFailedError): string {
  return error.cause?.message ?? error.message;
}

/**
 * An open task's outcome goes to its workflow first; only when the journey has taken it does the task close.
 * An escalated task's journey has already moved on: its follow-up is recorded and audited, the journey is not told.
 * The note stays in the database: free text may hold health details, and workflow history should not.
 */
export async function completeTask(
  db: Database,
  temporal: () => TemporalAccess,
  user: SessionUser,
  id: string,
  { outcome, note }: TaskOutcomeInput,
): Promise<{ task: Task; journey: TaskOutcomeResult | null }> {
  const [row] = await db
    .select({ task: tasks, workflowId: enrollments.workflowId, enrollmentStatus: enrollments.status })
    .from(tasks)
    .innerJoin(enrollments, eq(enrollments.id, tasks.enrollmentId))
    .where(eq(tasks.id, id));
  if (!row) throw NotFoundError.of('task', id);
  const { task } = row;
  await refuseUnworkable(db, task, user);
  if (!task.outcomes.includes(outcome))
    throw new UnprocessableError(
      'unknown-outcome',
      `"${outcome}" is not an outcome of this task; choose one of: ${task.outcomes.join(', ')}.`,
    );

  let journey: TaskOutcomeResult | null = null;
  if (task.status === 'open') {
    if (row.enrollmentStatus !== 'running')
      throw new ConflictError(
        'enrollment-ended',
        `The patient's enrollment has ended (${row.enrollmentStatus}); this task is no longer open.`,
      );
    const { client } = temporal();
    try {
      journey = await recordTaskOutcome(client, row.workflowId, { step: task.stepId, visit: visitOf(task), outcome });
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError) throw new ConflictError('task-not-open', refusalOf(error));
      if (error instanceof WorkflowNotFoundError)
        throw new ConflictError('enrollment-ended', "The patient's journey has ended; this task is no longer open.");
      throw error;
    }
  }

  await db.transaction(
    async (tx) => {
      await tx
        .update(tasks)
        .set({
          status: 'closed',
          outcome,
          note: note || null,
          closedBy: user.id,
          closedAt: nowIso(),
          claimedBy: task.claimedBy ?? user.id,
          claimedAt: task.claimedAt ?? nowIso(),
        })
        .where(eq(tasks.id, id));
      await appendAudit(tx, {
        actor: user.id,
        action: journey ? 'task.completed' : 'task.followed-up',
        entityType: 'task',
        entityId: id,
        data: {
          enrollmentId: task.enrollmentId,
          step: task.stepId,
          outcome,
          ...(note ? { note } : {}),
          ...(journey ? { journeyOutput: journey.output, journeyStep: journey.step } : {}),
        },
      });
    },
    { behavior: 'immediate' },
  );
  return { task: (await loadTasks(db, eq(tasks.id, id)))[0], journey };
}
