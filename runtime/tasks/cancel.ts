/** Tasks of an ended enrollment: nothing waits for their outcome any more, so they are cancelled with the reason, leave the queues, and are audited. */
import { and, eq, inArray, or } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { appendAudit } from '../db/audit.js';
import { nowIso } from '../db/ids.js';
import { enrollments, tasks } from '../db/schema.js';

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

const ENDINGS = ['completed', 'exited', 'failed'] as const;

/**
 * Tasks that enrollments ended before endings cancelled their tasks left open: each such enrollment's ending is
 * applied once, at start, with the same rules and audit. Returns how many tasks it cancelled.
 */
export async function cancelTasksOfEndedEnrollments(db: Database): Promise<number> {
  const ended = await db
    .selectDistinct({ id: enrollments.id, status: enrollments.status, reason: enrollments.reason })
    .from(tasks)
    .innerJoin(enrollments, eq(enrollments.id, tasks.enrollmentId))
    .where(
      and(
        inArray(enrollments.status, [...ENDINGS]),
        // A completion keeps escalated follow-ups, so they are not asked about at every start.
        or(
          eq(tasks.status, 'open'),
          and(eq(tasks.status, 'escalated'), inArray(enrollments.status, ['exited', 'failed'])),
        ),
      ),
    );
  let cancelled = 0;
  for (const { id, status, reason } of ended)
    cancelled += await db.transaction(
      (tx) =>
        cancelTasksOfEndedEnrollment(tx, {
          enrollmentId: id,
          status: status as EnrollmentEnding['status'],
          ...(reason ? { reason } : {}),
        }),
      { behavior: 'immediate' },
    );
  return cancelled;
}
