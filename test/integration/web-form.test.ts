/** An assessment delivered as a web-form link, answered through the real form, on a real Temporal server. */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { eq, like } from 'drizzle-orm';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { validateJourney } from '../../schema/validate.js';
import { assessmentResponses, devInbox } from '../../runtime/db/schema.js';
import { enrollmentState, startEnrollment } from '../../runtime/temporal/client.js';
import { createFormsApp } from '../../runtime/forms/app.js';
import { createTimeSkippingEnv } from '../support/temporal.js';
import { startHarness, type Harness } from './harness.js';
import { seedEnrollment, seedJourney, seedPatient } from './seed.js';

const questionnaire = JSON.parse(
  readFileSync(new URL('../../examples/questionnaires/injection-anxiety.json', import.meta.url), 'utf8'),
);
const journey = validateJourney({
  schemaVersion: 2,
  name: 'Anxiety check by web form',
  settings: { consentPurpose: 'adherence-support' },
  start: 'check',
  steps: {
    check: {
      type: 'assessment',
      questionnaire,
      delivery: 'web-link',
      channel: 'sms',
      connector: 'dev',
      intro: 'Hi {{ patient.firstName }}, 3 quick questions: {{ assessment.link }}',
      timeout: 'P3D',
      outputs: { completed: 'done', timeout: 'done', declined: 'done' },
    },
    done: { type: 'end' },
  },
});
if (!journey.ok) throw new Error(JSON.stringify(journey.problems));

let harness: Harness;
let env: TestWorkflowEnvironment;

beforeAll(async () => {
  harness = await startHarness('carepath-forms-test', () => createTimeSkippingEnv());
  env = harness.env;
}, 300_000);

afterAll(() => harness?.stop(), 60_000);

/** Enrolls a new patient and waits for the message with their form link. */
async function enrollAndReadLink(name: string, phone: string) {
  const { db } = harness.database;
  const seeded = await seedJourney(db, journey.document);
  const patientId = await seedPatient(db, { name, phone });
  const input = await seedEnrollment(db, seeded, patientId);
  await startEnrollment(env.client, harness.taskQueue, input);
  let message: string | undefined;
  for (let i = 0; i < 100 && !message; i++) {
    [message] = (await db.select().from(devInbox).where(eq(devInbox.address, phone))).map((m) => m.body);
    if (!message) await new Promise((r) => setTimeout(r, 100));
  }
  if (!message) throw new Error(`no link message reached ${phone}`);
  return { input, message, path: new URL(message.split(': ')[1]).pathname };
}

it('sends a personal link, shows every question, takes the answers once, and the journey completes with the score', async () => {
  const { db } = harness.database;
  const { input, message, path } = await enrollAndReadLink('Alan Turing', '+15550100003');
  expect(message).toMatch(/^Hi Alan, 3 quick questions: http:\/\/localhost:3000\/forms\/[A-Za-z0-9_-]{20,}$/);

  const forms = createFormsApp({ db, temporal: () => ({ client: env.client, taskQueue: harness.taskQueue }) });
  const page = await (await forms.request(path)).text();
  expect(page.match(/<fieldset>/g)).toHaveLength(3);

  const incomplete = await forms.request(path, { method: 'POST', body: new URLSearchParams({ q0: '1' }) });
  expect(incomplete.status).toBe(400);
  expect(await incomplete.text()).toContain('Please answer this question.');

  const sent = await forms.request(path, { method: 'POST', body: new URLSearchParams({ q0: '1', q1: '2', q2: '0' }) });
  expect(sent.status).toBe(200);
  expect(
    (await forms.request(path, { method: 'POST', body: new URLSearchParams({ q0: '0', q1: '0', q2: '0' }) })).status,
  ).toBe(410);

  let state = await enrollmentState(env.client, input.workflowId);
  for (let i = 0; i < 100 && state?.status !== 'completed'; i++) {
    await new Promise((r) => setTimeout(r, 100));
    state = await enrollmentState(env.client, input.workflowId);
  }
  expect(state?.path.map((p) => [p.step, p.output])).toEqual([
    ['check', 'completed'],
    ['done', undefined],
  ]);
  const [row] = await db
    .select()
    .from(assessmentResponses)
    .where(like(assessmentResponses.key, `${input.workflowId}:%`));
  expect(row.score).toBe(state!.assessment!.score);
  expect(row.response).toMatchObject({ resourceType: 'QuestionnaireResponse', status: 'completed' });
});

it('closes the form once the assessment has timed out, without taking the answers', async () => {
  const { db } = harness.database;
  const { input, path } = await enrollAndReadLink('Late Replier', '+15550100005');
  await env.sleep('4 days');
  let state = await enrollmentState(env.client, input.workflowId);
  for (let i = 0; i < 100 && state?.status !== 'completed'; i++) {
    await new Promise((r) => setTimeout(r, 100));
    state = await enrollmentState(env.client, input.workflowId);
  }
  expect(state?.path[0].output).toBe('timeout');
  const forms = createFormsApp({ db, temporal: () => ({ client: env.client, taskQueue: harness.taskQueue }) });
  expect((await forms.request(path)).status).toBe(410);
  const late = await forms.request(path, { method: 'POST', body: new URLSearchParams({ q0: '1', q1: '2', q2: '0' }) });
  expect(late.status).toBe(410);
  expect(await late.text()).toContain('closed');
});
