/** The activities that check a version's stored document against its approval: when an enrollment starts, and when a continued run loads it. */
import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { enrollments } from '../db/schema.js';
import { appendAudit } from '../db/audit.js';
import { nowIso } from '../db/ids.js';
import { verifyStoredVersion } from '../journeys/integrity.js';
import { cancelTasksOfEndedEnrollment } from '../tasks/cancel.js';
import { runnableDefinition } from '../engine/definition.js';
import type { JourneyDocument } from '../../schema/document.js';

export interface ApprovalCheckInput {
  enrollmentId: string;
  versionId: string;
}

export type ApprovalCheckResult = { ok: true } | { ok: false; reason: string };

export type ApprovedDefinition = { ok: true; definition: JourneyDocument } | { ok: false; reason: string };

export function createIntegrityActivities(db: Database) {
  /**
   * On a mismatch: audited as an integrity error and the enrollment recorded failed, so nothing more is ever sent; a
   * continued run may have left a task open, which leaves the queues with it.
   */
  async function refuse(enrollmentId: string, problem: string): Promise<{ ok: false; reason: string }> {
    const reason = `integrity error: ${problem}`;
    await db.transaction(
      async (tx) => {
        // A retry after a lost acknowledgement finds the end already recorded and adds no second row.
        const updated = await tx
          .update(enrollments)
          .set({ status: 'failed', reason, endedAt: nowIso() })
          .where(and(eq(enrollments.id, enrollmentId), isNull(enrollments.endedAt)))
          .returning({ id: enrollments.id });
        if (updated.length === 0) return;
        await appendAudit(tx, {
          actor: 'system',
          action: 'enrollment.failed',
          entityType: 'enrollment',
          entityId: enrollmentId,
          data: { reason },
        });
        await cancelTasksOfEndedEnrollment(tx, { enrollmentId, status: 'failed', reason });
      },
      { behavior: 'immediate' },
    );
    return { ok: false, reason };
  }

  return {
    /** Before a new enrollment's first step: may its version run? */
    async checkApprovedVersion({ enrollmentId, versionId }: ApprovalCheckInput): Promise<ApprovalCheckResult> {
      const verdict = await verifyStoredVersion(db, versionId, {
        actor: 'system',
        where: 'workflow-start',
        enrollmentId,
      });
      return verdict.ok ? { ok: true } : refuse(enrollmentId, verdict.reason);
    },

    /**
     * A continued run's definition, loaded by its version instead of carried in the continue-as-new input: checked
     * against the approval again and prepared as at start (runnableDefinition), so the run interprets what was signed.
     */
    async loadApprovedDefinition({ enrollmentId, versionId }: ApprovalCheckInput): Promise<ApprovedDefinition> {
      const verdict = await verifyStoredVersion(db, versionId, {
        actor: 'system',
        where: 'workflow-continue',
        enrollmentId,
      });
      if (!verdict.ok) return refuse(enrollmentId, verdict.reason);
      return { ok: true, definition: runnableDefinition(verdict.document) };
    },
  };
}
