/**
 * A worker killed after Twilio accepted a text and before the send activity completed, on real Temporal with the
 * provider faked at the network edge: after another worker takes over, the patient has exactly one SMS.
 *
 * Why this needs more than the messages table: Twilio's API ignores the Idempotency-Key header (the fake here is
 * started to behave the same), so a retried activity that simply sent again would text the patient twice. The send
 * activity inserts the message row (queued) before it calls the provider, and marks it sent after. The killed
 * worker leaves the row queued, so the retry knows an earlier attempt may have reached Twilio, and asks Twilio first
 * (`findSent`: the number's newest messages, same text, created since the row): it finds the text, records its sid
 * and does not send again.
 *
 * The window that remains: Twilio's list not yet showing a message it accepted by the time of the retry (the retry
 * comes after the send's one-minute start-to-close timeout, far longer than Twilio takes), or two identical texts to
 * one number inside the same window, which the lookup cannot tell apart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, type Worker } from '@temporalio/worker';
import { validateJourney } from '../../schema/validate.js';
import { ConnectorRegistry } from '../../connectors/sdk/index.js';
import { createTwilioSmsConnector } from '../../connectors/twilio/twilio-sms.js';
import { openDatabase, type OpenedDatabase } from '../../runtime/db/client.js';
import { messages } from '../../runtime/db/schema.js';
import { requestExit, startEnrollment } from '../../runtime/temporal/client.js';
import { createWorker } from '../../runtime/temporal/worker.js';
import { testPayloadKeys } from '../support/payload-keys.js';
import { createLocalEnv } from '../support/temporal.js';
import { FAKE_ACCOUNT_SID, FAKE_AUTH_TOKEN, startFakeTwilio, type FakeTwilio } from '../support/fake-twilio.js';
import { twilioSettings } from './faults-twilio-settings.js';
import { seedEnrollment, seedJourney, seedPatient } from './seed.js';
import { killHard, lineFrom, spawnFaultWorker, untilWaiting } from './worker-process.js';

const taskQueue = 'carepath-faults-twilio';

/** A reminder by SMS, then a long wait: the journey reaching the wait shows the send completed. */
const reminder = (() => {
  const result = validateJourney({
    schemaVersion: 2,
    name: 'Refill reminder by SMS',
    settings: { consentPurpose: 'adherence-support' },
    start: 'remind',
    steps: {
      remind: {
        type: 'message',
        channel: 'sms',
        connector: 'twilio-sms',
        template: 'Hi {{ patient.firstName }}, your refill is ready.',
        outputs: { next: 'wait', failed: 'done' },
      },
      wait: { type: 'wait', wait: { kind: 'duration', duration: 'P7D' }, outputs: { next: 'done' } },
      done: { type: 'end' },
    },
  });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.document;
})();

let dir: string;
let database: OpenedDatabase;
let twilio: FakeTwilio;
let env: TestWorkflowEnvironment;
let child: ChildProcess | undefined;
let worker: Worker | undefined;
let running: Promise<void> | undefined;

beforeAll(async () => {
  try {
    Runtime.install({ logger: new DefaultLogger('ERROR') });
  } catch {
    // Already installed by another file in this process.
  }
  dir = mkdtempSync(join(tmpdir(), 'carepath-faults-twilio-'));
  database = await openDatabase(`file:${join(dir, 'faults.db')}`);
  // Like Twilio itself: a second request with the same Idempotency-Key is a second message.
  twilio = await startFakeTwilio(FAKE_ACCOUNT_SID, FAKE_AUTH_TOKEN, { honourIdempotencyKey: false });
  // The dev server, in real time: the time-skipping server does not skip while an attempt is outstanding.
  env = await createLocalEnv();
}, 300_000);

afterAll(async () => {
  child?.kill('SIGKILL');
  worker?.shutdown();
  await running;
  await env?.teardown();
  await twilio?.close();
  database?.close();
  rmSync(dir, { recursive: true, force: true });
}, 60_000);

describe('a worker killed after Twilio accepted a text', () => {
  it('the patient gets exactly one SMS, its sid is recorded, and the journey goes on', async () => {
    const phone = '+15556660201';
    const journey = await seedJourney(database.db, reminder);
    const input = await seedEnrollment(database.db, journey, await seedPatient(database.db, { phone }));

    child = await spawnFaultWorker(env, taskQueue, `file:${join(dir, 'faults.db')}`, {
      TWILIO_BASE_URL: twilio.baseUrl,
    });
    await startEnrollment(env.client, taskQueue, input);
    const accepted = (await lineFrom(child, /^accepted /)).slice('accepted '.length);

    // Twilio has the text; the worker dies before the activity reports it.
    await killHard(child);
    const [left] = await database.db.select().from(messages).where(eq(messages.enrollmentId, input.enrollmentId));
    expect(left.status).toBe('queued');
    expect(twilio.messagesTo(phone).map((m) => m.sid)).toEqual([accepted]);

    // A new worker takes over once Temporal times the lost attempt out (the send's one-minute start-to-close
    // timeout) and retries it; the retry finds the text at Twilio instead of sending it again.
    worker = await createWorker({
      connection: env.nativeConnection,
      namespace: env.namespace ?? 'default',
      taskQueue,
      db: database.db,
      connectors: new ConnectorRegistry().register(createTwilioSmsConnector(), twilioSettings(twilio.baseUrl)),
      payloadKeys: testPayloadKeys,
    });
    running = worker.run();
    const state = await untilWaiting(env.client, input.workflowId, 'the send to be recorded');
    expect(state.path.map((entry) => entry.step)).toEqual(['remind', 'wait']);

    expect(twilio.messagesTo(phone).map((m) => m.params.Body)).toEqual(['Hi Ada, your refill is ready.']);
    const sent = await database.db.select().from(messages).where(eq(messages.enrollmentId, input.enrollmentId));
    expect(sent.map((m) => [m.stepId, m.status, m.providerMessageId])).toEqual([['remind', 'sent', accepted]]);

    await requestExit(env.client, input.workflowId, 'test finished');
    await env.client.workflow.getHandle(input.workflowId).result();
  }, 240_000);
});
