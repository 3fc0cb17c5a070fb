/** Tasks of an ended enrollment: nothing waits for their outcome any more, so they are cancelled with the reason, leave the queues, and are audited. */
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { appendAudit } from '../db/audit.js';
import { nowIso } from '../db/ids.js';
import { tasks } from '../db/schema.js';

export interface EnrollmentEnding {
  enrollmentId: string;
  status: 'completed' | 'exited' | 'failed';
  reason?: string;
}

/** What the care team reads on a cancelled task: why nobody needs to work it. */
export function cancelReasonOf({ status, reason }: EnrollmentEnding): string {
  if (status === 'completed') return 'The journey completed';
  const ended = status === 'exited' ? 'The patient left the journey' : 'The journey failed';
  return reason ? `${ended}: ${reason}` : ended;
}

/**
 * Run inside the transaction that records the end, so the end and the cancellations land together.
 * An exit or failure cancels escalated tasks too: the patient is out of the program, and a follow-up call about
 * one of its steps has no journey behind it. A completion leaves escalated tasks: their follow-up of a missed
 * deadline is still owed (an escalation often leads straight to the end), and recording it never reaches the journey.
 */
export async function cancelTasksOfEndedEnrollment(
  tx: Pick<Database, 'select' | 'insert' | 'update'>,
  ending: EnrollmentEnding,
): Promise<number> {
  const statuses = ending.status === 'completed' ? ['open'] : ['open', 'escalated'];
  const cancelReason = cancelReasonOf(ending);
  const cancelled = await tx
    .update(tasks)
    // The claim is kept: whoever held the task can still see it was theirs when it was cancelled.
    .set({ status: 'cancelled', cancelReason, closedAt: nowIso() })
    .where(and(eq(tasks.enrollmentId, ending.enrollmentId), inArray(tasks.status, statuses)))
    .returning({ id: tasks.id });
  for (const task of cancelled)
    await appendAudit(tx, {
      actor: 'system',
      action: 'task.cancelled',
      entityType: 'task',
      entityId: task.id,
      data: { enrollmentId: ending.enrollmentId, enrollmentStatus: ending.status, reason: cancelReason },
    });
  return cancelled.length;
}
