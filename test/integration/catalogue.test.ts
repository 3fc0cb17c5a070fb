/** The full step catalogue on a real Temporal server: events, assessments by SMS, nurse tasks and goals, recorded in a real database. */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, like } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { daytimeZone } from '../support/daytime-zone.js';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { validateJourney } from '../../schema/validate.js';
import type { OpenedDatabase } from '../../runtime/db/client.js';
import { addressOptOuts, assessmentResponses, auditTrail, devInbox, tasks } from '../../runtime/db/schema.js';
import { enrollmentState, signalEvent, startEnrollment } from '../../runtime/temporal/client.js';
import { submitReply } from '../../runtime/temporal/reply-client.js';
import type { EnrollmentState } from '../../runtime/engine/index.js';
import { createTimeSkippingEnv } from '../support/temporal.js';
import { startHarness, type Harness } from './harness.js';
import { seedEnrollment, seedJourney, seedPatient } from './seed.js';
import { eventually } from '../support/eventually.js';

const example = (name: string) =>
  validateJourney(
    JSON.parse(readFileSync(new URL(`../../examples/journeys/${name}.journey.json`, import.meta.url), 'utf8')),
  ).document!;

let harness: Harness;
let env: TestWorkflowEnvironment;
let database: OpenedDatabase;

beforeAll(async () => {
  harness = await startHarness('carepath-catalogue-test', () => createTimeSkippingEnv());
  ({ env, database } = harness);
}, 300_000);

afterAll(() => harness?.stop(), 60_000);

/** This file's waits: up to 30,000 ms. */
const until = <T>(probe: () => Promise<T | undefined | false | null>, what: string) => eventually(probe, what, 30_000);

async function enroll(document: ReturnType<typeof example>, phone: string, attributes: Record<string, unknown> = {}) {
  const journey = await seedJourney(database.db, document);
  const patientId = await seedPatient(database.db, { name: 'Grace Hopper', phone, attributes });
  const input = await seedEnrollment(database.db, journey, patientId);
  await startEnrollment(env.client, harness.taskQueue, { ...input, attributes, timeZone: daytimeZone() });
  const state = () => enrollmentState(env.client, input.workflowId) as Promise<EnrollmentState>;
  return { ...input, patientId, state };
}

const inboxOf = (address: string) => database.db.select().from(devInbox).where(eq(devInbox.address, address));

describe('pharmacy refill on Temporal', () => {
  it('waits until three days before the refill date, sends the refill request on "1", and counts the goal when the refill is picked up', async () => {
    const now = DateTime.fromMillis(Date.now(), { zone: daytimeZone() });
    const due = now.plus({ days: 10 }).toISODate();
    const run = await enroll(example('pharmacy-refill'), '+15550100001', {
      refillDueDate: due,
      pharmacyName: 'Main St Pharmacy',
    });
    await until(async () => (await run.state())?.phase.kind === 'waiting', 'the date wait');
    await env.sleep('8 days');
    await until(async () => (await inboxOf('+15550100001')).length === 1, 'the refill question');
    await until(async () => (await run.state())?.phase.kind === 'awaiting-reply', 'awaiting the reply');
    await submitReply(env.client, run.workflowId, { text: '1', messageId: 'msg_test' });
    await until(async () => (await inboxOf(`patient:${run.patientId}`)).length === 1, 'the refill webhook');
    await until(
      async () => (await inboxOf('+15550100001')).some((m) => m.body.includes('Main St Pharmacy')),
      'the confirmation',
    );
    await until(async () => (await run.state())?.phase.kind === 'awaiting-event', 'waiting for pickup');
    await signalEvent(env.client, run.workflowId, { name: 'refill.picked-up', payload: { pharmacy: 'Main St' } });
    const final = await until(async () => {
      const s = await run.state();
      return s?.status === 'completed' && s;
    }, 'completion');
    expect(final.goals).toEqual(['refill-picked-up']);
    const goal = await database.db
      .select()
      .from(auditTrail)
      .where(and(eq(auditTrail.action, 'enrollment.goal'), eq(auditTrail.entityId, run.enrollmentId)));
    expect(goal).toHaveLength(1);
  });
});

describe('PHQ-9 check-in on Temporal', () => {
  it('asks the questions by SMS, stores the QuestionnaireResponse, and opens an urgent task at once when item 9 is above 0', async () => {
    const run = await enroll(example('phq-9-check-in'), '+15550100002');
    const answers = ['1', '1', '0', '0', '2', '0', '0', '0', '1'];
    for (let i = 0; i < answers.length; i++) {
      // Intro + question 1 arrive together; each answer brings the next question.
      await until(
        async () => (await inboxOf('+15550100002')).filter((m) => m.body.startsWith(`(${i + 1}/9)`)).length === 1,
        `question ${i + 1}`,
      );
      await submitReply(env.client, run.workflowId, { text: answers[i], messageId: `msg_${i}` });
    }
    const task = await until(
      async () => (await database.db.select().from(tasks).where(eq(tasks.enrollmentId, run.enrollmentId)))[0],
      'the urgent task',
    );
    expect(task).toMatchObject({ queue: 'crisis-nurses', status: 'open', stepId: 'urgent-nurse-call' });
    const [response] = await database.db
      .select()
      .from(assessmentResponses)
      .where(like(assessmentResponses.key, `${run.workflowId}:%`));
    expect(response.score).toBe(5);
    expect(response.response).toMatchObject({ resourceType: 'QuestionnaireResponse', status: 'completed' });
    expect(JSON.stringify(response.response)).not.toContain('Grace');

    // The nurse records the outcome; the journey goes on to the severity split and the two-week wait.
    await env.client.workflow
      .getHandle(run.workflowId)
      .signal('taskOutcome', { step: 'urgent-nurse-call', visit: 1, outcome: 'reached' });
    const waiting = await until(async () => {
      const s = await run.state();
      return s?.phase.kind === 'waiting' && s;
    }, 'the next check-in wait');
    expect(waiting.path.find((p) => p.step === 'severity')!.output).toBe('mild');
    const [closed] = await database.db.select().from(tasks).where(eq(tasks.id, task.id));
    expect(closed).toMatchObject({ status: 'closed', outcome: 'reached' });
  });
});

describe('STOP on Temporal', () => {
  it('ends every running enrollment of the patient at once, mid-wait', async () => {
    const { receiveReply } = await import('../../runtime/enrollments/inbound.js');
    const run = await enroll(example('first-dose-check-in'), '+15550100004');
    await until(async () => (await run.state())?.phase.kind === 'waiting', 'the two-day wait');
    const result = await receiveReply(
      database.db,
      () => ({ client: env.client, taskQueue: harness.taskQueue }),
      run.patientId,
      'dev',
      { channel: 'sms', from: '+15550100004', body: 'STOP' },
    );
    expect(result).toMatchObject({ optedOut: true, enrollmentIds: [run.enrollmentId] });
    const final = await until(async () => {
      const s = await run.state();
      return s?.status === 'exited' && s;
    }, 'the exit');
    expect(final.reason).toBe('opted out (STOP)');
    expect(final.timers).toEqual([]);

    // The opt-out stays on the number: a later journey cannot text it.
    const [optOut] = await database.db.select().from(addressOptOuts).where(eq(addressOptOuts.address, '+15550100004'));
    expect(optOut).toMatchObject({ kind: 'phone', keyword: 'stop', connector: 'dev' });
    const before = (await inboxOf('+15550100004')).length;
    const journey = await seedJourney(database.db, example('first-dose-check-in'));
    const second = await seedEnrollment(database.db, journey, run.patientId);
    await startEnrollment(env.client, harness.taskQueue, { ...second, attributes: {}, timeZone: daytimeZone() });
    const failed = await until(async () => {
      const s = await enrollmentState(env.client, second.workflowId);
      return s?.status === 'failed' && s;
    }, 'the refused send');
    expect(failed.reason).toContain("the patient's phone number has opted out");
    expect((await inboxOf('+15550100004')).length).toBe(before);
  });
});
