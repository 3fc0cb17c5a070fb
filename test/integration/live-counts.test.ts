/** The current step as a search attribute, counted through visibility, on the CLI's dev server (the time-skipping server has no custom search attributes). */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { OpenedDatabase } from '../../runtime/db/client.js';
import { startHarness, type Harness } from './harness.js';
import { requestExit, runningCountsByStep, startEnrollment } from '../../runtime/temporal/client.js';
import { currentStepKey, enrollmentSearchAttributes, versionIdKey } from '../../runtime/temporal/search-attributes.js';
import { createLocalEnv } from '../support/temporal.js';
import { seedEnrollment, seedJourney, seedPatient } from './seed.js';

let harness: Harness;
let env: TestWorkflowEnvironment;
let database: OpenedDatabase;
const taskQueue = 'carepath-live-counts-test';

beforeAll(async () => {
  harness = await startHarness(taskQueue, () =>
    createLocalEnv({ server: { searchAttributes: enrollmentSearchAttributes } }),
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
