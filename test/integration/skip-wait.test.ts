/** "Skip wait" on a real Temporal dev server and a real libsql file: a test patient's waits end at once through the workflow's Update, audited; a real patient's never do. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { OpenedDatabase } from '../../runtime/db/client.js';
import { auditTrail, patients } from '../../runtime/db/schema.js';
import { skipTestWait } from '../../runtime/temporal/client.js';
import type { enrollmentWorkflow } from '../../runtime/temporal/workflows.js';
import { createLocalEnv } from '../support/temporal.js';
import { startHarness, type Harness } from './harness.js';
import { harnessApi, type HarnessApi } from './harness-api.js';
import { recordHistory } from './histories.js';
import { enrollmentRow, seedJourney, seedPatient, type SeededJourney } from './seed.js';

const taskQueue = 'carepath-skip-wait-test';
let harness: Harness;
let env: TestWorkflowEnvironment;
let database: OpenedDatabase;
let journey: SeededJourney;
let call: HarnessApi['call'];

/** Enrolls a new patient (a test patient or a real one) through the API, as the designer's test run does. */
async function enroll(test: boolean, phone: string) {
  const patientId = await seedPatient(database.db, { name: test ? 'Tess Patient' : 'Rita Real', phone });
  if (test) await database.db.update(patients).set({ test: true }).where(eq(patients.id, patientId));
  const { status, body } = await call('POST', '/api/enrollments', { versionId: journey.versionId, patientId });
  expect(status).toBe(201);
  return body.enrollment as { id: string; workflowId: string };
}

/** The enrollment's engine phase once `ready` holds, polled through the API. */
async function phaseWhen(id: string, ready: (phase: { kind: string; step?: string }) => boolean) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const { body } = await call('GET', `/api/enrollments/${id}`);
    const phase = body.enrollment.state?.phase;
    if (phase && ready(phase)) return { phase, state: body.enrollment.state };
    if (Date.now() > deadline) throw new Error(`timed out; the phase is ${JSON.stringify(phase)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const skipsOf = (enrollmentId: string) =>
  database.db
    .select()
    .from(auditTrail)
    .where(and(eq(auditTrail.entityId, enrollmentId), eq(auditTrail.action, 'enrollment.wait-skipped')));

beforeAll(async () => {
  harness = await startHarness(taskQueue, () => createLocalEnv());
  ({ env, database } = harness);
  const api = harnessApi(harness);
  call = api.call;
  await api.addUser('pm@example.org', 'Pat Manager', 'program-manager');
  await api.loginAs('pm@example.org');
  // First-dose check-in: welcome SMS, a two-day wait, a question that times out after a day.
  journey = await seedJourney(database.db);
}, 300_000);

afterAll(() => harness?.stop(), 60_000);

describe('skip wait', () => {
  it("ends a test patient's two-day wait and then its one-day reply timeout at once, each audited", async () => {
    const enrollment = await enroll(true, '+12025550181');
    await phaseWhen(enrollment.id, (p) => p.kind === 'waiting' && p.step === 'wait-two-days');

    const first = await call('POST', `/api/enrollments/${enrollment.id}/skip-wait`);
    expect(first).toMatchObject({
      status: 200,
      body: { skipped: 'wait-two-days', output: 'next', step: 'ask-first-dose', status: 'running' },
    });
    // The question went out, as it would have two days later.
    await phaseWhen(enrollment.id, (p) => p.kind === 'awaiting-reply' && p.step === 'ask-first-dose');

    const second = await call('POST', `/api/enrollments/${enrollment.id}/skip-wait`);
    expect(second).toMatchObject({
      status: 200,
      body: { skipped: 'ask-first-dose', output: 'timeout', step: null, status: 'completed' },
    });
    const handle = env.client.workflow.getHandle<typeof enrollmentWorkflow>(enrollment.workflowId);
    const final = await handle.result();
    expect(final.path.map((p) => `${p.step}:${p.output ?? ''}`)).toEqual([
      'welcome:next',
      'wait-two-days:next',
      'ask-first-dose:timeout',
      'end-no-reply:',
    ]);
    const skips = await skipsOf(enrollment.id);
    expect(skips.map((s) => s.data)).toEqual([
      { step: 'wait-two-days', output: 'next' },
      { step: 'ask-first-dose', output: 'timeout' },
    ]);
    expect(skips.every((s) => s.actor !== null)).toBe(true);
    await recordHistory('first-dose-skip-wait', handle);

    // Nothing is left to skip once the journey has ended.
    const after = await call('POST', `/api/enrollments/${enrollment.id}/skip-wait`);
    expect(after.status).toBe(409);
    expect((await enrollmentRow(database.db, enrollment.id)).status).toBe('completed');
  }, 120_000);

  it("refuses a real patient's wait, in the API and in the workflow itself, and changes nothing", async () => {
    const enrollment = await enroll(false, '+12025550182');
    await phaseWhen(enrollment.id, (p) => p.kind === 'waiting' && p.step === 'wait-two-days');

    const refused = await call('POST', `/api/enrollments/${enrollment.id}/skip-wait`);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'not-a-test-enrollment' });
    expect(refused.body.error.message).toContain('test patient');

    // Asked directly, past the API, the workflow's validator refuses too: the run was not started as a test.
    const direct = await skipTestWait(env.client, enrollment.workflowId).catch((error: unknown) => error);
    expect(direct).toBeInstanceOf(WorkflowUpdateFailedError);
    expect((direct as WorkflowUpdateFailedError).cause?.message).toContain('Only a test enrollment');

    const { state } = await phaseWhen(enrollment.id, (p) => p.kind === 'waiting');
    expect(state.path.map((p: { step: string }) => p.step)).toEqual(['welcome', 'wait-two-days']);
    expect(await skipsOf(enrollment.id)).toEqual([]);
    await call('POST', `/api/enrollments/${enrollment.id}/exit`, { reason: 'test finished' });
  }, 120_000);

  it("answers 404 for an unknown enrollment and 409 once a test patient's enrollment has ended", async () => {
    expect((await call('POST', '/api/enrollments/enr_nope/skip-wait')).status).toBe(404);
    const enrollment = await enroll(true, '+12025550183');
    await phaseWhen(enrollment.id, (p) => p.kind === 'waiting');
    await call('POST', `/api/enrollments/${enrollment.id}/exit`, { reason: 'test finished' });
    await env.client.workflow.getHandle(enrollment.workflowId).result();
    const ended = await call('POST', `/api/enrollments/${enrollment.id}/skip-wait`);
    expect(ended.status).toBe(409);
    expect(await skipsOf(enrollment.id)).toEqual([]);
  }, 120_000);
});
