/** The activity that checks, when an enrollment's workflow starts, that its version's stored document is still the approved one. */
import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { enrollments } from '../db/schema.js';
import { appendAudit } from '../db/audit.js';
import { nowIso } from '../db/ids.js';
import { verifyStoredVersion } from '../journeys/integrity.js';

export interface ApprovalCheckInput {
  enrollmentId: string;
  versionId: string;
}

export type ApprovalCheckResult = { ok: true } | { ok: false; reason: string };

export function createIntegrityActivity(db: Database) {
  /** On a mismatch: audited as an integrity error and the enrollment recorded failed, so nothing is ever sent. */
  return async function checkApprovedVersion({
    enrollmentId,
    versionId,
  }: ApprovalCheckInput): Promise<ApprovalCheckResult> {
    const verdict = await verifyStoredVersion(db, versionId, {
      actor: 'system',
      where: 'workflow-start',
      enrollmentId,
    });
    if (verdict.ok) return { ok: true };
    const reason = `integrity error: ${verdict.reason}`;
    await db.transaction(
      async (tx) => {
        // A retry after a lost acknowledgement finds the end already recorded and adds no second row.
        const updated = await tx
          .update(enrollments)
          .set({ status: 'failed', reason, endedAt: nowIso() })
          .where(and(eq(enrollments.id, enrollmentId), isNull(enrollments.endedAt)))
          .returning({ id: enrollments.id });
        if (updated.length > 0)
          await appendAudit(tx, {
            actor: 'system',
            action: 'enrollment.failed',
            entityType: 'enrollment',
            entityId: enrollmentId,
            data: { reason },
          });
      },
      { behavior: 'immediate' },
    );
    return { ok: false, reason };
  };
}
