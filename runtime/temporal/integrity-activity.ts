/** The activities that check a version's stored document against its approval: when an enrollment starts, and when a continued run loads it. */
import type { Database } from '../db/client.js';
import { verifyStoredVersion } from '../journeys/integrity.js';
import { recordEnrollmentEnding } from '../enrollments/end.js';
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
    await recordEnrollmentEnding(db, { enrollmentId, status: 'failed', reason });
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
