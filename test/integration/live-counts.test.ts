/** The current step as a search attribute, counted through visibility, on the CLI's dev server (the time-skipping server has no custom search attributes). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, type Worker } from '@temporalio/worker';
import { ConnectorRegistry } from '../../connectors/sdk/index.js';
import { createDevConnector } from '../../connectors/dev/dev-connector.js';
import { openDatabase, type OpenedDatabase } from '../../runtime/db/client.js';
import { createDevInboxStore } from '../../runtime/db/dev-inbox.js';
import { requestExit, runningCountsByStep, startEnrollment } from '../../runtime/temporal/client.js';
import { currentStepKey, enrollmentSearchAttributes, versionIdKey } from '../../runtime/temporal/search-attributes.js';
import { createWorker } from '../../runtime/temporal/worker.js';
import { createLocalEnv } from '../support/temporal.js';
import { seedEnrollment, seedJourney, seedPatient } from './seed.js';

const taskQueue = 'carepath-live-counts-test';
let env: TestWorkflowEnvironment;
let worker: Worker;
let workerRun: Promise<void>;
let database: OpenedDatabase;
let dir: string;

beforeAll(async () => {
  try {
    Runtime.install({ logger: new DefaultLogger('WARN') });
  } catch {
    // Already installed by another file in this process.
  }
  dir = mkdtempSync(join(tmpdir(), 'carepath-counts-'));
  database = await openDatabase(`file:${join(dir, 'test.db')}`);
  env = await createLocalEnv({ server: { searchAttributes: enrollmentSearchAttributes } });
  const connectors = new ConnectorRegistry().register(createDevConnector(createDevInboxStore(database.db)), {});
  worker = await createWorker({ connection: env.nativeConnection, namespace: env.namespace ?? 'default', taskQueue, db: database.db, connectors });
  workerRun = worker.run();
}, 300_000);

afterAll(async () => {
  if (worker) {
    worker.shutdown();
    await workerRun;
  }
  await env?.teardown();
  database?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 60_000);

it('publishes the current step and counts running enrollments per step of a version', async () => {
  const journey = await seedJourney(database.db);
  const inputs = [];
  for (let i = 0; i < 3; i++) inputs.push(await seedEnrollment(database.db, journey, await seedPatient(database.db, { phone: `+1555888000${i}` })));
  for (const input of inputs) await startEnrollment(env.client, taskQueue, { ...input, publishStep: true });

  const steps = Object.keys(journey.document.steps);
  const deadline = Date.now() + 30_000;
  let counts: Record<string, number> = {};
  while (Date.now() < deadline) {
    counts = await runningCountsByStep(env.client, journey.versionId, steps);
    if (counts['wait-two-days'] === 3) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  expect(counts).toEqual({ welcome: 0, 'wait-two-days': 3, 'ask-first-dose': 0, 'end-well': 0, 'end-follow-up': 0, 'end-no-reply': 0 });

  const description = await env.client.workflow.getHandle(inputs[0].workflowId).describe();
  expect(description.typedSearchAttributes.get(currentStepKey)).toBe('wait-two-days');
  expect(description.typedSearchAttributes.get(versionIdKey)).toBe(journey.versionId);

  for (const input of inputs) await requestExit(env.client, input.workflowId, 'test finished');
  for (const input of inputs) await env.client.workflow.getHandle(input.workflowId).result();
}, 120_000);
