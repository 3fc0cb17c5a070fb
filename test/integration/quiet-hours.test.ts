/**
 * Quiet hours hold through retries, on the time-skipping server: a provider outage pushes a send's retries into the
 * patient's quiet window, and the send waits for the window to open instead of going out in it.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Context } from '@temporalio/activity';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, type Worker } from '@temporalio/worker';
import type { JourneyDocument } from '../../schema/document.js';
import { ConnectorRegistry, type Connector } from '../../connectors/sdk/index.js';
import { createDevConnector } from '../../connectors/dev/dev-connector.js';
import { openDatabase, type OpenedDatabase } from '../../runtime/db/client.js';
import { createDevInboxStore } from '../../runtime/db/dev-inbox.js';
import type { EnrollmentState } from '../../runtime/engine/index.js';
import { startEnrollment } from '../../runtime/temporal/client.js';
import { createWorker } from '../../runtime/temporal/worker.js';
import { testPayloadKeys } from '../support/payload-keys.js';
import { createTimeSkippingEnv } from '../support/temporal.js';
import { firstDoseCheckIn, seedEnrollment, seedJourney, seedPatient } from './seed.js';

const taskQueue = 'carepath-quiet-hours-test';
const minute = 60_000;
/** The provider is down until this moment (server time): the start of the quiet window. */
let outageUntil = Number.POSITIVE_INFINITY;

let dir: string;
let database: OpenedDatabase;
let env: TestWorkflowEnvironment;
let worker: Worker;
let running: Promise<void>;
/** Every call the provider saw: which attempt, and when (server time) Temporal scheduled it. */
const calls: Array<{ attempt: number; at: number }> = [];

beforeAll(async () => {
  try {
    Runtime.install({ logger: new DefaultLogger('ERROR') });
  } catch {
    // Already installed by another file in this process.
  }
  dir = mkdtempSync(join(tmpdir(), 'carepath-quiet-'));
  database = await openDatabase(`file:${join(dir, 'quiet.db')}`);
  env = await createTimeSkippingEnv();
  const dev = createDevConnector(createDevInboxStore(database.db));
  // The provider is down until the quiet window starts, so the send's retries run into the window.
  const flaky: Connector<Parameters<typeof dev.send>[1]> = {
    ...dev,
    async send(message, settings) {
      const { attempt, currentAttemptScheduledTimestampMs } = Context.current().info;
      calls.push({ attempt, at: currentAttemptScheduledTimestampMs });
      if (currentAttemptScheduledTimestampMs < outageUntil) throw new Error('provider unavailable (503)');
      return dev.send(message, settings);
    },
  };
  worker = await createWorker({
    connection: env.nativeConnection,
    namespace: env.namespace ?? 'default',
    taskQueue,
    db: database.db,
    connectors: new ConnectorRegistry().register(flaky, {}),
    payloadKeys: testPayloadKeys,
  });
  running = worker.run();
}, 300_000);

afterAll(async () => {
  worker?.shutdown();
  await running;
  await env?.teardown();
  database?.close();
  rmSync(dir, { recursive: true, force: true });
}, 60_000);

/** A one-message journey whose quiet window (UTC) starts at `start` and lasts an hour. */
function journeyQuietFrom(start: number): JourneyDocument {
  const hhmm = (ms: number) => new Date(ms).toISOString().slice(11, 16);
  return {
    ...firstDoseCheckIn,
    settings: {
      ...firstDoseCheckIn.settings,
      timeZone: { source: 'fixed', zone: 'UTC' },
      quietHours: { start: hhmm(start), end: hhmm(start + 60 * minute), channels: ['sms', 'voice'] },
    },
    steps: {
      welcome: { ...firstDoseCheckIn.steps.welcome, outputs: { next: 'end-well' } },
      'end-well': firstDoseCheckIn.steps['end-well'],
    },
  };
}

it('a send retried into the quiet window waits for the window to open, and goes out once', async () => {
  const now = await env.currentTimeMs();
  // One to two minutes ahead: the retries' backoff (5 s, 10 s, 20 s, …) reaches it within the first seven attempts,
  // leaving room for the deferral within the ten the send is allowed.
  const windowStart = Math.ceil(now / minute) * minute + minute;
  outageUntil = windowStart;
  const windowEnd = windowStart + 60 * minute;
  const journey = await seedJourney(database.db, journeyQuietFrom(windowStart));
  const phone = '+15554440101';
  const input = await seedEnrollment(database.db, journey, await seedPatient(database.db, { phone }));

  await startEnrollment(env.client, taskQueue, input);
  const final: EnrollmentState = await env.client.workflow.getHandle(input.workflowId).result();

  expect(final.status).toBe('completed');
  expect(final.path.map((entry) => `${entry.step}:${entry.output ?? ''}`)).toEqual(['welcome:next', 'end-well:']);
  // Backoff alone would have called the provider inside the window (the first attempt after the outage);
  // instead no call fell in it, and the one call that delivered came when the window opened.
  const failed = calls.slice(0, -1);
  const delivered = calls.at(-1)!;
  expect(failed.length).toBeGreaterThan(1);
  expect(failed.every(({ at }) => at < windowStart)).toBe(true);
  expect(delivered.at).toBeGreaterThanOrEqual(windowEnd);
  // Between them, the attempts that fell in the window were the quiet-hours check asking for a retry at its end.
  // (The Java time-skipping server applies a requested retry delay one attempt late; a real server at once.)
  expect(delivered.attempt).toBeGreaterThan(failed.at(-1)!.attempt + 1);
  expect(await createDevInboxStore(database.db).messagesTo([phone])).toHaveLength(1);
}, 240_000);
