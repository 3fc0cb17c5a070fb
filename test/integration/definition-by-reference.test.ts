/** A continued run loads its approved definition by version instead of carrying it: on a real Temporal dev server and libsql file. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { WithStartWorkflowOperation, WorkflowUpdateFailedError } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { OpenedDatabase } from '../../runtime/db/client.js';
import { auditTrail, tasks, versions } from '../../runtime/db/schema.js';
import { enrollmentState, recordTaskOutcome, startEnrollment } from '../../runtime/temporal/client.js';
import { taskOutcomeUpdate } from '../../runtime/temporal/task-update.js';
import type { EnrollmentInput, enrollmentWorkflow } from '../../runtime/temporal/workflows.js';
import type { EnrollmentState } from '../../runtime/engine/types.js';
import { createLocalEnv } from '../support/temporal.js';
import { eventually } from '../support/eventually.js';
import { nurseCallJourney } from '../support/nurse-call-journey.js';
import { startHarness, type Harness } from './harness.js';
import { runInput } from './run-input.js';
import { enrollmentRow, seedEnrollment, seedJourney, seedPatient } from './seed.js';

const taskQueue = 'carepath-definition-by-reference-test';
let harness: Harness;
let env: TestWorkflowEnvironment;
let database: OpenedDatabase;
let phones = 0;

/** A nurse call; "reached" waits an hour and thanks the patient by SMS, "voicemail" ends. */
const nurseCall = nurseCallJourney({ waitBeforeThanks: 'PT1H' });

async function enroll(options: { historyLimit?: number } = {}) {
  phones += 1;
  // 202-555-01xx: numbers set aside for fiction that still pass phone-number validation.
  const phone = `+120255501${String(10 + phones)}`;
  const journey = await seedJourney(database.db, nurseCall);
  const patientId = await seedPatient(database.db, { name: `Con Tinued ${phones}`, phone });
  const input = await seedEnrollment(database.db, journey, patientId);
  const started = await startEnrollment(env.client, taskQueue, { ...input, ...options });
  return { ...input, phone, firstRunId: started.runId };
}

/** The enrollment's state once it waits for its nurse call, in a run other than `notRunId` when given. */
async function awaitingTask(workflowId: string, notRunId?: string) {
  return eventually(async () => {
    if (notRunId && (await env.client.workflow.getHandle(workflowId).describe()).runId === notRunId) return undefined;
    const state = await enrollmentState(env.client, workflowId);
    return state?.phase.kind === 'awaiting-task' ? state : undefined;
  }, `${workflowId} waiting for its task`);
}

/** Ends the enrollment's run once it waits for its task and returns the input of a run that continues it by reference. */
async function handOverByHand(enrollment: Awaited<ReturnType<typeof enroll>>): Promise<EnrollmentInput> {
  const state = await awaitingTask(enrollment.workflowId);
  await env.client.workflow.getHandle(enrollment.workflowId).terminate('handed over by the test');
  const {
    definition: _definition,
    definitionPrepared: _prepared,
    workflowId: _id,
    phone: _phone,
    firstRunId: _run,
    ...rest
  } = enrollment;
  return { ...rest, definitionByReference: true, state, pendingEvents: [] };
}

/** Someone with database access rewrites the approved message text while patients are enrolled. */
async function tamperWith(versionId: string) {
  const tampered = structuredClone(nurseCall) as unknown as { steps: { thanks: { template: string } } };
  tampered.steps.thanks.template = 'Reply with your card number to keep your therapy.';
  await database.db.update(versions).set({ document: tampered }).where(eq(versions.id, versionId));
}

beforeAll(async () => {
  harness = await startHarness(taskQueue, () => createLocalEnv());
  ({ env, database } = harness);
}, 300_000);

afterAll(() => harness?.stop(), 60_000);

describe('a continued run', () => {
  it('carries no definition, loads the approved one by version, and checks a task outcome against it', async () => {
    const enrollment = await enroll({ historyLimit: 1 });
    await awaitingTask(enrollment.workflowId, enrollment.firstRunId);

    const input = await runInput(env.client, enrollment.workflowId);
    expect(input).not.toHaveProperty('definition');
    expect(input).toMatchObject({ versionId: enrollment.versionId, definitionByReference: true });
    expect((input.state as EnrollmentState).phase).toMatchObject({ kind: 'awaiting-task', step: 'nurse-call' });

    // The outcome's name is checked against the loaded definition: a wrong one is refused, naming the right ones.
    const wrong = recordTaskOutcome(env.client, enrollment.workflowId, {
      step: 'nurse-call',
      visit: 1,
      outcome: 'met',
    });
    await expect(wrong).rejects.toBeInstanceOf(WorkflowUpdateFailedError);
    await expect(wrong).rejects.toMatchObject({
      cause: { message: '"met" is not an outcome of task "nurse-call"; choose one of: reached, voicemail.' },
    });

    const taken = await recordTaskOutcome(env.client, enrollment.workflowId, {
      step: 'nurse-call',
      visit: 1,
      outcome: 'voicemail',
    });
    expect(taken).toMatchObject({ output: 'voicemail', status: 'completed' });
    await env.client.workflow.getHandle(enrollment.workflowId).result();
    expect((await enrollmentRow(database.db, enrollment.enrollmentId))?.status).toBe('completed');
  });

  it('takes a task outcome that arrives in its first task, while the definition is still loading', async () => {
    const enrollment = await enroll();
    const continued = await handOverByHand(enrollment);
    // Update-with-start: the outcome is delivered with the continued run's start, before the load.
    const start = () =>
      new WithStartWorkflowOperation<typeof enrollmentWorkflow>('enrollmentWorkflow', {
        workflowId: enrollment.workflowId,
        taskQueue,
        args: [continued],
        workflowIdConflictPolicy: 'USE_EXISTING',
      });

    const wrong = env.client.workflow.executeUpdateWithStart(taskOutcomeUpdate, {
      args: [{ step: 'nurse-call', visit: 1, outcome: 'met' }],
      startWorkflowOperation: start(),
    });
    await expect(wrong).rejects.toMatchObject({
      cause: { message: '"met" is not an outcome of task "nurse-call"; choose one of: reached, voicemail.' },
    });

    const taken = await env.client.workflow.executeUpdateWithStart(taskOutcomeUpdate, {
      args: [{ step: 'nurse-call', visit: 1, outcome: 'reached' }],
      startWorkflowOperation: start(),
    });
    expect(taken).toMatchObject({ output: 'reached', step: 'pause', status: 'running' });
  });

  it('ends failed with an audited integrity error when the stored version was changed after approval', async () => {
    const enrollment = await enroll({ historyLimit: 1 });
    await awaitingTask(enrollment.workflowId, enrollment.firstRunId);
    await tamperWith(enrollment.versionId);

    // The outcome applies in this run (its definition was loaded before the change); the next run's load refuses.
    await recordTaskOutcome(env.client, enrollment.workflowId, { step: 'nurse-call', visit: 1, outcome: 'reached' });
    const final = await env.client.workflow.getHandle<typeof enrollmentWorkflow>(enrollment.workflowId).result();
    expect(final.status).toBe('failed');
    expect(final.reason).toMatch(/^integrity error: the stored document no longer hashes/);

    expect(await enrollmentRow(database.db, enrollment.enrollmentId)).toMatchObject({
      status: 'failed',
      reason: final.reason,
    });
    const [audited] = await database.db
      .select()
      .from(auditTrail)
      .where(and(eq(auditTrail.action, 'version.integrity-error'), eq(auditTrail.entityId, enrollment.versionId)));
    expect(audited?.data).toMatchObject({ where: 'workflow-continue', enrollmentId: enrollment.enrollmentId });
  });

  it('refuses, saying the enrollment ended, an outcome that arrived while the load found the version changed', async () => {
    const enrollment = await enroll();
    const continued = await handOverByHand(enrollment);
    await tamperWith(enrollment.versionId);
    const refused = env.client.workflow.executeUpdateWithStart(taskOutcomeUpdate, {
      args: [{ step: 'nurse-call', visit: 1, outcome: 'reached' }],
      startWorkflowOperation: new WithStartWorkflowOperation<typeof enrollmentWorkflow>('enrollmentWorkflow', {
        workflowId: enrollment.workflowId,
        taskQueue,
        args: [continued],
        workflowIdConflictPolicy: 'USE_EXISTING',
      }),
    });
    await expect(refused).rejects.toMatchObject({
      cause: { message: 'The enrollment has ended (failed); the task is no longer open.' },
    });
  });

  it('takes the task still open out of the queue when the version it continues was changed after approval', async () => {
    const enrollment = await enroll();
    const continued = await handOverByHand(enrollment);
    await tamperWith(enrollment.versionId);
    const handle = await env.client.workflow.start<typeof enrollmentWorkflow>('enrollmentWorkflow', {
      workflowId: enrollment.workflowId,
      taskQueue,
      args: [continued],
    });
    expect((await handle.result()).status).toBe('failed');
    const [task] = await database.db.select().from(tasks).where(eq(tasks.enrollmentId, enrollment.enrollmentId));
    expect(task).toMatchObject({ stepId: 'nurse-call', status: 'cancelled' });
    expect(task?.cancelReason).toMatch(/integrity error/);
  });
});
