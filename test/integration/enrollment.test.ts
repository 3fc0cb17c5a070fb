/** The enrollment workflow end to end on a real time-skipping Temporal server, a real libsql file and the development channel. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { MockActivityEnvironment, type TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { ConnectorRegistry } from '../../connectors/sdk/index.js';
import { createDevConnector } from '../../connectors/dev/dev-connector.js';
import type { OpenedDatabase } from '../../runtime/db/client.js';
import { startHarness, type Harness } from './harness.js';
import { createDevInboxStore } from '../../runtime/db/dev-inbox.js';
import { auditTrail, messages } from '../../runtime/db/schema.js';
import { applyEvent, initialState, type EnrollmentState } from '../../runtime/engine/index.js';
import { createActivities } from '../../runtime/temporal/activities.js';
import { enrollmentState, requestExit, startEnrollment } from '../../runtime/temporal/client.js';
import { submitReply } from '../../runtime/temporal/reply-client.js';
import { enrollmentWorkflowBundle } from '../../runtime/temporal/workflow-bundle.js';
import type { enrollmentWorkflow } from '../../runtime/temporal/workflows.js';
import { createTimeSkippingEnv } from '../support/temporal.js';
import { recordHistory } from './histories.js';
import { enrollmentRow, seedEnrollment, seedJourney, seedPatient, type SeededJourney } from './seed.js';
import { daytimeZone } from '../support/daytime-zone.js';
import { testDataConverter } from '../support/payload-keys.js';
import { eventually } from '../support/eventually.js';

const taskQueue = 'carepath-enrollments-test';
let harness: Harness;
let env: TestWorkflowEnvironment;
let database: OpenedDatabase;
let journey: SeededJourney;
let phones = 0;
const inbox = () => createDevInboxStore(database.db);
const connectors = () => new ConnectorRegistry().register(createDevConnector(inbox()), {});

beforeAll(async () => {
  harness = await startHarness(taskQueue, () => createTimeSkippingEnv());
  ({ env, database } = harness);
  journey = await seedJourney(database.db);
}, 300_000);

afterAll(() => harness?.stop(), 60_000);

/** A fresh patient with a phone of their own, so each test reads only its own inbox. */
async function enrollNewPatient(name = 'Ada Lovelace') {
  phones += 1;
  const phone = `+1555123${String(4567 + phones).padStart(4, '0')}`;
  const patientId = await seedPatient(database.db, { name, phone });
  const input = await seedEnrollment(database.db, journey, patientId);
  const started = await startEnrollment(env.client, taskQueue, input);
  return {
    ...input,
    patientId,
    phone,
    started,
    handle: env.client.workflow.getHandle<typeof enrollmentWorkflow>(input.workflowId),
  };
}

async function inboxOf(phone: string) {
  return inbox().messagesTo([phone]);
}

async function awaitPhase(workflowId: string, kind: EnrollmentState['phase']['kind']): Promise<EnrollmentState> {
  return eventually(async () => {
    const state = await enrollmentState(env.client, workflowId);
    return state?.phase.kind === kind ? state : undefined;
  }, `phase ${kind}`);
}

/** Runs an enrollment to the question: welcome delivered, two days pass, question delivered and awaiting a reply. */
async function toTheQuestion(name?: string) {
  const run = await enrollNewPatient(name);
  await awaitPhase(run.workflowId, 'waiting');
  await env.sleep('2 days');
  await awaitPhase(run.workflowId, 'awaiting-reply');
  return run;
}

function outputsTaken(state: EnrollmentState): string[] {
  return state.path.map((entry) => `${entry.step}:${entry.output ?? ''}`);
}

async function auditActions(enrollmentId: string): Promise<string[]> {
  const rows = await database.db
    .select()
    .from(auditTrail)
    .where(and(eq(auditTrail.entityType, 'enrollment'), eq(auditTrail.entityId, enrollmentId)));
  return rows.map((row) => row.action);
}

describe('enrollment workflow on the time-skipping server', () => {
  it('welcomes by first name, asks after two days, and a reply of 1 takes `yes` to end-well', async () => {
    const run = await enrollNewPatient('Ada Lovelace');
    expect(run.started.alreadyStarted).toBe(false);

    const [welcome] = await eventually(
      async () => ((await inboxOf(run.phone)).length >= 1 ? inboxOf(run.phone) : undefined),
      'the welcome SMS',
    );
    expect(welcome.body).toBe("Hi Ada, welcome to your support program. We'll check in after your first dose.");
    expect(welcome.channel).toBe('sms');

    await awaitPhase(run.workflowId, 'waiting');
    expect(await inboxOf(run.phone)).toHaveLength(1);
    await env.sleep('2 days');
    const received = await eventually(
      async () => ((await inboxOf(run.phone)).length >= 2 ? inboxOf(run.phone) : undefined),
      'the question',
    );
    expect(received[1].body).toBe('Did your first dose go well? Reply 1 for yes, 2 for no.');

    await awaitPhase(run.workflowId, 'awaiting-reply');
    await submitReply(env.client, run.workflowId, { text: '1', messageId: 'msg_inbound_1' });
    const final = await run.handle.result();
    expect(final.status).toBe('completed');
    expect(final.path.at(-1)?.step).toBe('end-well');
    expect(outputsTaken(final)).toEqual(['welcome:next', 'wait-two-days:next', 'ask-first-dose:yes', 'end-well:']);

    const row = await enrollmentRow(database.db, run.enrollmentId);
    expect(row.status).toBe('completed');
    expect(Date.parse(row.endedAt!)).toBeGreaterThanOrEqual(Date.parse(row.startedAt));
    expect(await auditActions(run.enrollmentId)).toEqual(['enrollment.completed']);

    const sent = await database.db.select().from(messages).where(eq(messages.enrollmentId, run.enrollmentId));
    expect(sent.map((m) => [m.stepId, m.status, m.idempotencyKey])).toEqual([
      ['welcome', 'sent', `${run.workflowId}:welcome:1`],
      ['ask-first-dose', 'sent', `${run.workflowId}:ask-first-dose:1`],
    ]);
    // Once closed, the state comes from the workflow's result.
    expect(await enrollmentState(env.client, run.workflowId)).toEqual(final);
    // Today's code replays its own history without nondeterminism.
    await Worker.runReplayHistory(
      { workflowBundle: await enrollmentWorkflowBundle(), dataConverter: testDataConverter },
      await run.handle.fetchHistory(),
    );
    await recordHistory('first-dose-yes', run.handle);
  });

  it('a reply of 2 takes `no` to end-follow-up', async () => {
    const run = await toTheQuestion();
    await submitReply(env.client, run.workflowId, { text: ' 2 ', messageId: 'msg_inbound_2' });
    const final = await run.handle.result();
    expect(outputsTaken(final)).toEqual(['welcome:next', 'wait-two-days:next', 'ask-first-dose:no', 'end-follow-up:']);
    await recordHistory('first-dose-no', run.handle);
  });

  it('a reply nobody expects is ignored and the journey keeps waiting', async () => {
    const run = await toTheQuestion();
    expect(await submitReply(env.client, run.workflowId, { text: 'maybe', messageId: 'msg_inbound_3' })).toMatchObject({
      accepted: true,
      applied: false,
      step: 'ask-first-dose',
    });
    expect(await submitReply(env.client, run.workflowId, { text: 'yes', messageId: 'msg_inbound_4' })).toMatchObject({
      accepted: true,
      applied: true,
      output: 'yes',
    });
    const final = await run.handle.result();
    expect(final.path.find((p) => p.step === 'ask-first-dose')?.output).toBe('yes');
  });

  it('no reply for a day takes `timeout` to end-no-reply', async () => {
    const run = await toTheQuestion();
    // Awaiting the result lets the server skip the day of silence.
    const final = await run.handle.result();
    expect(outputsTaken(final)).toEqual([
      'welcome:next',
      'wait-two-days:next',
      'ask-first-dose:timeout',
      'end-no-reply:',
    ]);
    expect((await enrollmentRow(database.db, run.enrollmentId)).status).toBe('completed');
    await recordHistory('first-dose-timeout', run.handle);
  });

  it('enrolling the same patient twice starts one run and sends one welcome', async () => {
    const run = await enrollNewPatient();
    await awaitPhase(run.workflowId, 'waiting');
    const again = await startEnrollment(env.client, taskQueue, {
      workflowId: run.workflowId,
      enrollmentId: run.enrollmentId,
      journeyId: run.journeyId,
      versionId: run.versionId,
      definition: run.definition,
      attributes: {},
    });
    expect(again).toEqual({ workflowId: run.workflowId, runId: run.started.runId, alreadyStarted: true });
    expect((await run.handle.describe()).runId).toBe(run.started.runId);
    expect(await inboxOf(run.phone)).toHaveLength(1);
    await requestExit(env.client, run.workflowId, 'test finished');
    await run.handle.result();
  });

  it('an exit request ends a waiting enrollment at once, cancelling its timer', async () => {
    const run = await enrollNewPatient();
    await awaitPhase(run.workflowId, 'waiting');
    await requestExit(env.client, run.workflowId, 'therapy discontinued');
    const final = await run.handle.result();
    expect(final).toMatchObject({ status: 'exited', reason: 'therapy discontinued', timers: [] });
    expect(await enrollmentRow(database.db, run.enrollmentId)).toMatchObject({
      status: 'exited',
      reason: 'therapy discontinued',
    });
    expect(await auditActions(run.enrollmentId)).toEqual(['enrollment.exited']);
    expect(await inboxOf(run.phone)).toHaveLength(1);
    await recordHistory('first-dose-exit-while-waiting', run.handle);
  });

  it('an undeliverable number fails the send once, without retries, and fails the enrollment', async () => {
    const patientId = await seedPatient(database.db, { phone: '+15550001234' });
    const input = await seedEnrollment(database.db, journey, patientId);
    await startEnrollment(env.client, taskQueue, input);
    const final = await env.client.workflow.getHandle<typeof enrollmentWorkflow>(input.workflowId).result();
    expect(final.status).toBe('failed');
    // The reason travels in workflow history, so the number is redacted there; the database keeps the provider's words.
    expect(final.reason).toBe(
      `step "welcome" could not be delivered: the patient's phone number is undeliverable on the development channel`,
    );
    const [message] = await database.db.select().from(messages).where(eq(messages.enrollmentId, input.enrollmentId));
    expect(message).toMatchObject({
      status: 'failed',
      stepId: 'welcome',
      error: '+15550001234 is undeliverable on the development channel',
    });
    expect(await enrollmentRow(database.db, input.enrollmentId)).toMatchObject({ status: 'failed' });
    expect(await auditActions(input.enrollmentId)).toEqual(['enrollment.failed']);
    expect(await inboxOf('+15550001234')).toHaveLength(0);
    await recordHistory(
      'first-dose-undeliverable',
      env.client.workflow.getHandle<typeof enrollmentWorkflow>(input.workflowId),
    );
  });

  it('resumes from carried state as a continued run would: re-arms the reply timeout and applies queued events', async () => {
    // Build the state a run would carry into continue-as-new while awaiting the reply.
    const patientId = await seedPatient(database.db, { phone: '+15559990000' });
    const input = await seedEnrollment(database.db, journey, patientId);
    const now = Date.now();
    let state = initialState(now, {}, daytimeZone());
    for (const event of [
      { type: 'start' },
      { type: 'delivery', step: 'welcome', visit: 1, outcome: 'sent' },
      { type: 'timer', id: 't1' },
      { type: 'delivery', step: 'ask-first-dose', visit: 1, outcome: 'sent' },
    ] as const) {
      state = applyEvent(journey.document, state, event, now, Math.random).state;
    }
    expect(state.phase.kind).toBe('awaiting-reply');

    // First: no event queued, so the re-armed timeout decides.
    const silent = await startEnrollment(env.client, taskQueue, { ...input, state });
    const timedOut = await env.client.workflow.getHandle<typeof enrollmentWorkflow>(silent.workflowId).result();
    expect(timedOut.path.at(-1)?.step).toBe('end-no-reply');

    // Second: a reply that arrived just before the continue-as-new is applied first.
    const other = await seedEnrollment(database.db, journey, await seedPatient(database.db, { phone: '+15559990001' }));
    const queued = await startEnrollment(env.client, taskQueue, {
      ...other,
      state,
      pendingEvents: [{ type: 'reply', text: '2' }],
    });
    const replied = await env.client.workflow.getHandle<typeof enrollmentWorkflow>(queued.workflowId).result();
    expect(replied.path.at(-1)?.step).toBe('end-follow-up');
  });
});

describe('continue-as-new', () => {
  it('hands the journey over to new runs as history grows, timers and all, and still ends where it should', async () => {
    const patientId = await seedPatient(database.db, { phone: '+15559990002' });
    const input = await seedEnrollment(database.db, journey, patientId);
    const first = await startEnrollment(env.client, taskQueue, { ...input, historyLimit: 10 });
    const handle = env.client.workflow.getHandle<typeof enrollmentWorkflow>(input.workflowId);
    await awaitPhase(input.workflowId, 'waiting');
    await env.sleep('2 days');
    await awaitPhase(input.workflowId, 'awaiting-reply');
    await submitReply(env.client, input.workflowId, { text: 'y', messageId: 'msg_inbound_5' });
    const final = await handle.result();
    expect(outputsTaken(final)).toEqual(['welcome:next', 'wait-two-days:next', 'ask-first-dose:yes', 'end-well:']);
    expect((await handle.describe()).runId).not.toBe(first.runId);
    expect((await env.client.workflow.getHandle(input.workflowId, first.runId).describe()).status.name).toBe(
      'CONTINUED_AS_NEW',
    );
    expect(await inboxOf('+15559990002')).toHaveLength(2);
    expect(await auditActions(input.enrollmentId)).toEqual(['enrollment.completed']);
  });
});

describe('sendMessage activity', () => {
  it('a retry with the same idempotency key does not deliver twice', async () => {
    const patientId = await seedPatient(database.db, { name: 'Grace Brewster Hopper', phone: '+15557770000' });
    const { enrollmentId, workflowId } = await seedEnrollment(database.db, journey, patientId);
    const activities = createActivities({ db: database.db, connectors: connectors() });
    // The activity reads its attempt's scheduled time (quiet hours hold through retries), so it runs in an activity context.
    const context = new MockActivityEnvironment();
    const sendMessage = (args: Parameters<typeof activities.sendMessage>[0]) =>
      context.run(activities.sendMessage, args);
    const input = {
      enrollmentId,
      workflowId,
      step: 'welcome',
      visit: 1,
      channel: 'sms',
      connector: 'dev',
      template: 'Hello {{ patient.firstName }} ({{ journey.name }})',
    };
    const first = await sendMessage(input);
    const second = await sendMessage(input);
    expect(second).toEqual(first);
    const delivered = await inboxOf('+15557770000');
    expect(delivered.map((m) => m.body)).toEqual(['Hello Grace (First-dose check-in)']);
    // A new visit of the same step is a new message.
    await sendMessage({ ...input, visit: 2 });
    expect(await inboxOf('+15557770000')).toHaveLength(2);
  });

  it('an unknown template variable is a permanent failure, and nothing is sent', async () => {
    const patientId = await seedPatient(database.db, { phone: '+15557770001' });
    const { enrollmentId, workflowId } = await seedEnrollment(database.db, journey, patientId);
    const { sendMessage } = createActivities({ db: database.db, connectors: connectors() });
    await expect(
      sendMessage({
        enrollmentId,
        workflowId,
        step: 'welcome',
        visit: 1,
        channel: 'sms',
        connector: 'dev',
        template: 'Hi {{ patient.nickname }}',
      }),
    ).rejects.toMatchObject({
      type: 'PermanentSendError',
      nonRetryable: true,
    });
    expect(await inboxOf('+15557770001')).toHaveLength(0);
  });

  it('an email step with no email address on file is a permanent failure', async () => {
    const patientId = await seedPatient(database.db, { phone: '+15557770002', email: null });
    const { enrollmentId, workflowId } = await seedEnrollment(database.db, journey, patientId);
    const { sendMessage } = createActivities({ db: database.db, connectors: connectors() });
    await expect(
      sendMessage({
        enrollmentId,
        workflowId,
        step: 'welcome',
        visit: 1,
        channel: 'email',
        connector: 'dev',
        template: 'Hi',
        subject: 'Welcome',
      }),
    ).rejects.toMatchObject({ nonRetryable: true });
    const [row] = await database.db.select().from(messages).where(eq(messages.enrollmentId, enrollmentId));
    expect(row).toMatchObject({ status: 'failed', error: 'the patient has no email address for email' });
  });
});
