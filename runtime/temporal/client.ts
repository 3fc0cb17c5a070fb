/** What the API needs from Temporal: start an enrollment (idempotently), signal exits and events, record task outcomes, read an enrollment's state. Replies: reply-client.ts. */
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { EnrollmentState } from '../engine/types.js';
import { withPreparedDefinition } from '../engine/definition.js';
import type { EnrollmentInput, EventSignal, ExitRequest, TaskOutcomeSignal } from './types.js';
import { taskOutcomeUpdate, type TaskOutcomeResult } from './task-update.js';
import { skipWaitUpdate, type SkipWaitResult } from './skip-wait.js';
import type { enrollmentWorkflow } from './workflows.js';

export type { EnrollmentInput, ReplySignal, ExitRequest } from './types.js';

export const TASK_QUEUE = 'carepath-enrollments';

/** Deterministic, so enrolling the same patient in the same journey twice finds the first run. Ids only: no PHI. */
export function enrollmentWorkflowId(journeyId: string, patientId: string): string {
  return `enrollment-${journeyId}-${patientId}`;
}

export interface StartedEnrollment {
  workflowId: string;
  runId: string;
  /** True when a run for this workflow id already existed; nothing new was started. */
  alreadyStarted: boolean;
}

/**
 * Starts the enrollment workflow under `workflowId`. A second start finds the existing run and reports
 * `alreadyStarted`, whether that run is still going or has ended (re-entry would need a new workflow id).
 */
export async function startEnrollment(
  client: Client,
  taskQueue: string,
  { workflowId, ...input }: EnrollmentInput & { workflowId: string },
): Promise<StartedEnrollment> {
  try {
    const handle = await client.workflow.start<typeof enrollmentWorkflow>('enrollmentWorkflow', {
      taskQueue,
      workflowId,
      // Migrated and parsed here, once, so no run of the workflow repeats it.
      args: [withPreparedDefinition(input)],
      workflowIdConflictPolicy: 'FAIL',
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
    return { workflowId, runId: handle.firstExecutionRunId, alreadyStarted: false };
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
    const description = await client.workflow.getHandle(workflowId).describe();
    return { workflowId, runId: description.runId, alreadyStarted: true };
  }
}

export async function requestExit(client: Client, workflowId: string, reason: string): Promise<void> {
  await client.workflow.getHandle(workflowId).signal<[ExitRequest]>('exit', { reason });
}

/** The engine state of an enrollment: queried while it runs, the workflow's result once it has ended, null when Temporal does not know it. */
export async function enrollmentState(client: Client, workflowId: string): Promise<EnrollmentState | null> {
  const handle = client.workflow.getHandle(workflowId);
  try {
    const { status } = await handle.describe();
    if (status.name === 'RUNNING') return await handle.query<EnrollmentState>('state');
    if (status.name === 'COMPLETED') return await handle.result();
    // Terminated, cancelled, timed out or failed runs returned no state; a worker can still answer from their history.
    return await handle.query<EnrollmentState>('state').catch(() => null);
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) return null;
    throw err;
  }
}

/** Visibility query text for a keyword value; ids never hold quotes, but escape anyway. */
function keyword(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/**
 * Running enrollments of a version per step, from Temporal's visibility (needs `publishStep` and the registered
 * search attributes). Visibility is eventually consistent: counts trail the workflows by a moment.
 */
export async function runningCountsByStep(
  client: Client,
  versionId: string,
  stepIds: string[],
): Promise<Record<string, number>> {
  const counts = await Promise.all(
    stepIds.map(async (step) => {
      const { count } = await client.workflow.count(
        `CarepathVersionId = ${keyword(versionId)} AND CarepathStep = ${keyword(step)} AND ExecutionStatus = 'Running'`,
      );
      return [step, count] as const;
    }),
  );
  return Object.fromEntries(counts);
}

/** Passes a world event (refill picked up, therapy discontinued) to an enrollment. */
export async function signalEvent(client: Client, workflowId: string, event: EventSignal): Promise<void> {
  await client.workflow.getHandle(workflowId).signal<[EventSignal]>('event', event);
}

/**
 * Records a task's outcome through the workflow's Update and answers where the journey went. The workflow's
 * validator refuses a task it no longer waits for (`WorkflowUpdateFailedError`); nothing changes then.
 */
export async function recordTaskOutcome(
  client: Client,
  workflowId: string,
  outcome: TaskOutcomeSignal,
): Promise<TaskOutcomeResult> {
  return client.workflow.getHandle(workflowId).executeUpdate(taskOutcomeUpdate, { args: [outcome] });
}

/** Ends a test enrollment's current wait now through the workflow's Update; its validator refuses anything else (`WorkflowUpdateFailedError`). */
export async function skipTestWait(client: Client, workflowId: string): Promise<SkipWaitResult> {
  return client.workflow.getHandle(workflowId).executeUpdate(skipWaitUpdate, { args: [] });
}
