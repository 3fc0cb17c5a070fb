/** Workflow side of the approval check: before the first step, ask the integrity activity whether the version may run. Workflow-safe. */
import { patched, proxyActivities } from '@temporalio/workflow';
import type { EnrollmentState } from '../engine/index.js';
import type { createActivities } from './activities.js';
import type { EnrollmentInput } from './types.js';

const { checkApprovedVersion } = proxyActivities<ReturnType<typeof createActivities>>({
  startToCloseTimeout: '30 seconds',
  // The check must happen before anything is sent; keep trying until the database answers.
  retry: { initialInterval: '5 seconds', maximumInterval: '5 minutes' },
});

/**
 * The state to end with when the stored version no longer matches its approval, or null to run. Only a fresh start
 * is checked (a continued run already passed); histories from before the check replay unchanged (`patched`).
 */
export async function refusedByIntegrityCheck(
  input: EnrollmentInput,
  state: EnrollmentState,
): Promise<EnrollmentState | null> {
  if (input.state || !patched('version-integrity-check')) return null;
  const verdict = await checkApprovedVersion({ enrollmentId: input.enrollmentId, versionId: input.versionId });
  return verdict.ok ? null : { ...state, status: 'failed', reason: verdict.reason, endedAt: Date.now() };
}
