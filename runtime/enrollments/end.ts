/** Recording that an enrollment ended: its row, the audit record and its open tasks leaving the queues, in one transaction. */
import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { appendAudit } from '../db/audit.js';
import { nowIso } from '../db/ids.js';
import { enrollments } from '../db/schema.js';
import { cancelTasksOfEndedEnrollment, type EnrollmentEnding } from '../tasks/cancel.js';

/** Idempotent: a retry after a lost acknowledgement finds the end already recorded and adds no second audit row. */
export async function recordEnrollmentEnding(db: Database, ending: EnrollmentEnding): Promise<void> {
  const { enrollmentId, status, reason } = ending;
  await db.transaction(
    async (tx) => {
      const updated = await tx
        .update(enrollments)
        .set({ status, reason: reason ?? null, endedAt: nowIso() })
        .where(and(eq(enrollments.id, enrollmentId), isNull(enrollments.endedAt)))
        .returning({ id: enrollments.id });
      if (updated.length === 0) return;
      await appendAudit(tx, {
        actor: 'system',
        action: `enrollment.${status}`,
        entityType: 'enrollment',
        entityId: enrollmentId,
        ...(reason !== undefined ? { data: { reason } } : {}),
      });
      // Its open tasks leave the queues in the same transaction: nothing waits for their outcome any more.
      await cancelTasksOfEndedEnrollment(tx, ending);
    },
    { behavior: 'immediate' },
  );
}
