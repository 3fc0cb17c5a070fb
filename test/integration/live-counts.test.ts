/** The current step and the edges passed as search attributes, counted through visibility, on the CLI's dev server (the time-skipping server has no custom search attributes). */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { OpenedDatabase } from '../../runtime/db/client.js';
import { startHarness, type Harness } from './harness.js';
import { requestExit, runningCountsByStep, startEnrollment } from '../../runtime/temporal/client.js';
import { currentStepKey, liveCountSearchAttributes, versionIdKey } from '../../runtime/temporal/search-attributes.js';
import { liveCounts } from '../../runtime/live-counts/counts.js';
import { liveCountsRegistered } from '../../runtime/live-counts/registration.js';
import { createLocalEnv } from '../support/temporal.js';
import { seedEnrollment, seedJourney, seedPatient } from './seed.js';

let harness: Harness;
let env: TestWorkflowEnvironment;
let database: OpenedDatabase;
const taskQueue = 'carepath-live-counts-test';

beforeAll(async () => {
  harness = await startHarness(taskQueue, () =>
    createLocalEnv({ server: { searchAttributes: liveCountSearchAttributes } }),
  );
  ({ env, database } = harness);
}, 300_000);

afterAll(() => harness?.stop(), 60_000);

it('publishes the current step and counts running enrollments per step of a version', async () => {
  const journey = await seedJourney(database.db);
  const inputs = [];
  for (let i = 0; i < 3; i++)
    inputs.push(
      await seedEnrollment(database.db, journey, await seedPatient(database.db, { phone: `+1555888000${i}` })),
    );
  for (const input of inputs) await startEnrollment(env.client, taskQueue, { ...input, publishStep: true });

  const steps = Object.keys(journey.document.steps);
  const deadline = Date.now() + 30_000;
  let counts: Record<string, number> = {};
  while (Date.now() < deadline) {
    counts = await runningCountsByStep(env.client, journey.versionId, steps);
    if (counts['wait-two-days'] === 3) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  expect(counts).toEqual({
    welcome: 0,
    'wait-two-days': 3,
    'ask-first-dose': 0,
    'end-well': 0,
    'end-follow-up': 0,
    'end-no-reply': 0,
  });

  const description = await env.client.workflow.getHandle(inputs[0].workflowId).describe();
  expect(description.typedSearchAttributes.get(currentStepKey)).toBe('wait-two-days');
  expect(description.typedSearchAttributes.get(versionIdKey)).toBe(journey.versionId);

  for (const input of inputs) await requestExit(env.client, input.workflowId, 'test finished');
  for (const input of inputs) await env.client.workflow.getHandle(input.workflowId).result();
}, 120_000);

it('counts a version for its canvas: at each step now, past each edge, and enrollments by status', async () => {
  expect(await liveCountsRegistered(env.client, 'default')).toBe(true);
  const journey = await seedJourney(database.db);
  const inputs = [];
  for (let i = 0; i < 4; i++)
    inputs.push(
      await seedEnrollment(database.db, journey, await seedPatient(database.db, { phone: `+1202555014${i}` })),
    );
  for (const input of inputs)
    await startEnrollment(env.client, taskQueue, { ...input, publishStep: true, publishPassed: true });
  const countsWhen = async (ready: (c: Awaited<ReturnType<typeof liveCounts>>) => boolean) => {
    const deadline = Date.now() + 30_000;
    let counts = await liveCounts(database.db, env.client, journey.versionId);
    while (Date.now() < deadline && !ready(counts)) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      counts = await liveCounts(database.db, env.client, journey.versionId);
    }
    return counts;
  };
  await countsWhen((c) => c.atStep['wait-two-days'] === 4);
  // One leaves while waiting: it has passed the welcome edge like the others, and ends as exited.
  await requestExit(env.client, inputs[3].workflowId, 'moved away');
  await env.client.workflow.getHandle(inputs[3].workflowId).result();
  const counts = await countsWhen((c) => c.atStep['wait-two-days'] === 3 && c.enrollments.exited === 1);
  expect(counts.visibility).toBe(true);
  expect(counts.atStep).toEqual({
    welcome: 0,
    'wait-two-days': 3,
    'ask-first-dose': 0,
    'end-well': 0,
    'end-follow-up': 0,
    'end-no-reply': 0,
  });
  expect(counts.passed).toEqual({
    'welcome.next': 4,
    'wait-two-days.next': 0,
    'ask-first-dose.yes': 0,
    'ask-first-dose.no': 0,
    'ask-first-dose.timeout': 0,
  });
  expect(counts.enrollments).toEqual({ running: 3, completed: 0, exited: 1, failed: 0 });

  for (const input of inputs.slice(0, 3)) await requestExit(env.client, input.workflowId, 'test finished');
  for (const input of inputs.slice(0, 3)) await env.client.workflow.getHandle(input.workflowId).result();
}, 120_000);
