/** "Skip wait" for a test patient: the enrollment's current wait ends now, through its workflow, and the skip is audited. */
import { eq } from 'drizzle-orm';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import type { Database } from '../db/client.js';
import { appendAudit } from '../db/audit.js';
import { enrollments, patients } from '../db/schema.js';
import { ConflictError, NotFoundError } from '../errors.js';
import { skipTestWait } from '../temporal/client.js';
import type { SkipWaitResult } from '../temporal/skip-wait.js';
import type { TemporalAccess } from './enroll.js';

/**
 * Checked here first (a real patient, an ended run: 409, nothing asked of Temporal), then by the workflow's validator,
 * which alone knows whether the journey is waiting right now; its refusal comes back as a 409 with its reason.
 */
export async function skipWait(
  db: Database,
  temporal: () => TemporalAccess,
  actor: string,
  id: string,
): Promise<SkipWaitResult> {
  const [row] = await db
    .select({ workflowId: enrollments.workflowId, status: enrollments.status, test: patients.test })
    .from(enrollments)
    .innerJoin(patients, eq(patients.id, enrollments.patientId))
    .where(eq(enrollments.id, id));
  if (!row) throw NotFoundError.of('enrollment', id);
  if (!row.test)
    throw new ConflictError(
      'not-a-test-enrollment',
      "Only a test patient's wait can be skipped; this enrollment is a real patient's, and waits as approved.",
    );
  if (row.status !== 'running') throw new ConflictError('not-running', `The enrollment has already ${row.status}.`);
  let result: SkipWaitResult;
  try {
    result = await skipTestWait(temporal().client, row.workflowId);
  } catch (error) {
    if (error instanceof WorkflowUpdateFailedError)
      throw new ConflictError('nothing-to-skip', error.cause?.message ?? error.message);
    if (error instanceof WorkflowNotFoundError)
      throw new ConflictError('not-running', 'The enrollment is no longer running.');
    throw error;
  }
  await db.transaction(
    (tx) =>
      appendAudit(tx, {
        actor,
        action: 'enrollment.wait-skipped',
        entityType: 'enrollment',
        entityId: id,
        data: { step: result.skipped, ...(result.output ? { output: result.output } : {}) },
      }),
    { behavior: 'immediate' },
  );
  return result;
}
