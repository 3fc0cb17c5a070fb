/**
 * Faults on real Temporal: a worker process killed after the provider accepted a send and before the activity
 * completed (the patient still gets exactly one message), and the dev server restarted mid-wait on its persisted
 * SQLite file (every enrollment resumes and completes, and readiness returns once the worker polls again).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { Client, Connection } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, NativeConnection, Runtime, type Worker } from '@temporalio/worker';
import type { JourneyDocument } from '../../schema/document.js';
import { ConnectorRegistry } from '../../connectors/sdk/index.js';
import { createDevConnector } from '../../connectors/dev/dev-connector.js';
import { openDatabase, type OpenedDatabase } from '../../runtime/db/client.js';
import { createDevInboxStore } from '../../runtime/db/dev-inbox.js';
import { messages } from '../../runtime/db/schema.js';
import type { EnrollmentState } from '../../runtime/engine/index.js';
import { freePort, startDevServer, type DevServer } from '../../runtime/setup/temporal-dev-server.js';
import { enrollmentState, requestExit, startEnrollment } from '../../runtime/temporal/client.js';
import { createWorker } from '../../runtime/temporal/worker.js';
import { createApi } from '../../runtime/api/app.js';
import { testDataConverter, testPayloadKeys } from '../support/payload-keys.js';
import { createLocalEnv } from '../support/temporal.js';
import { firstDoseCheckIn, seedEnrollment, seedJourney, seedPatient } from './seed.js';
import { eventually, killHard, lineFrom, spawnFaultWorker, untilWaiting } from './worker-process.js';

let dir: string;
let database: OpenedDatabase;
const inbox = () => createDevInboxStore(database.db);

beforeAll(async () => {
  try {
    Runtime.install({ logger: new DefaultLogger('ERROR') });
  } catch {
    // Already installed by another file in this process.
  }
  dir = mkdtempSync(join(tmpdir(), 'carepath-faults-'));
  database = await openDatabase(`file:${join(dir, 'faults.db')}`);
});

afterAll(() => {
  database?.close();
  rmSync(dir, { recursive: true, force: true });
});

function startWorker(connection: NativeConnection, namespace: string, taskQueue: string) {
  return createWorker({
    connection,
    namespace,
    taskQueue,
    db: database.db,
    connectors: new ConnectorRegistry().register(createDevConnector(inbox()), {}),
    payloadKeys: testPayloadKeys,
  });
}

describe('a worker killed after the provider accepted a send', () => {
  const taskQueue = 'carepath-faults-send';
  let env: TestWorkflowEnvironment;
  let child: ChildProcess | undefined;
  let worker: Worker | undefined;
  let running: Promise<void> | undefined;

  beforeAll(async () => {
    // The dev server, in real time: the time-skipping server does not skip while an attempt is outstanding.
    env = await createLocalEnv();
  }, 300_000);

  afterAll(async () => {
    child?.kill('SIGKILL');
    worker?.shutdown();
    await running;
    await env?.teardown();
  }, 60_000);

  it('the patient gets exactly one message, and the journey goes on', async () => {
    const journey = await seedJourney(database.db);
    const phone = '+15556660101';
    const input = await seedEnrollment(database.db, journey, await seedPatient(database.db, { phone }));

    child = await spawnFaultWorker(env, taskQueue, `file:${join(dir, 'faults.db')}`);
    await startEnrollment(env.client, taskQueue, input);
    const accepted = await lineFrom(child, /^accepted /);
    expect(accepted).toBe(`accepted ${input.workflowId}:welcome:1`);

    // The provider has the message; the worker dies before the activity reports it.
    await killHard(child);
    const [row] = await database.db.select().from(messages).where(eq(messages.enrollmentId, input.enrollmentId));
    expect(row.status).toBe('queued');
    expect(await inbox().messagesTo([phone])).toHaveLength(1);

    // A new worker takes over once Temporal times the lost attempt out (the send's one-minute start-to-close
    // timeout), and retries it with the same idempotency key.
    worker = await startWorker(env.nativeConnection, env.namespace ?? 'default', taskQueue);
    running = worker.run();
    const state = await untilWaiting(env.client, input.workflowId, 'the delivery to be recorded');
    expect(state.path.map((entry) => entry.step)).toEqual(['welcome', 'wait-two-days']);

    const sent = await database.db.select().from(messages).where(eq(messages.enrollmentId, input.enrollmentId));
    expect(sent.map((m) => [m.stepId, m.status])).toEqual([['welcome', 'sent']]);
    const delivered = await inbox().messagesTo([phone]);
    expect(delivered).toHaveLength(1);
    expect(delivered[0].body).toMatch(/^Hi Ada, welcome/);

    await requestExit(env.client, input.workflowId, 'test finished');
    await env.client.workflow.getHandle(input.workflowId).result();
  }, 240_000);
});

/** First-dose with a 20-second wait and a 2-second reply timeout: long enough to restart the server inside the wait. */
function shortJourney(): JourneyDocument {
  const document = structuredClone(firstDoseCheckIn);
  const wait = document.steps['wait-two-days'];
  const ask = document.steps['ask-first-dose'];
  if (wait.type !== 'wait' || ask.type !== 'message' || !ask.await) throw new Error('the first-dose example changed');
  wait.wait = { kind: 'duration', duration: 'PT20S' };
  ask.await.timeout = 'PT2S';
  return document;
}

describe('the Temporal server restarted mid-wait', () => {
  const taskQueue = 'carepath-faults-restart';
  const serverDir = () => join(dir, 'temporal');
  let server: DevServer | undefined;
  let worker: Worker | undefined;
  let running: Promise<void> | undefined;

  afterAll(async () => {
    worker?.shutdown();
    await running?.catch(() => undefined);
    await server?.stop();
  }, 60_000);

  it('every enrollment resumes from the persisted database and completes', async () => {
    const port = await freePort();
    server = await startDevServer({ dataDir: serverDir(), port, log: () => {} });
    const connection = await Connection.connect({ address: server.address });
    const client = new Client({ connection, dataConverter: testDataConverter });
    // What a readiness probe sees: this server's API, and one whose task queue no worker polls.
    const apiFor = (queue: string) =>
      createApi({
        db: database.db,
        connectors: new ConnectorRegistry(),
        temporal: () => ({ client, taskQueue: queue }),
        temporalAddress: server!.address,
      });
    const readiness = async (queue: string) => (await apiFor(queue).request('/api/health/ready')).status;
    worker = await startWorker(await NativeConnection.connect({ address: server.address }), 'default', taskQueue);
    running = worker.run();

    const journey = await seedJourney(database.db, shortJourney());
    const runs = [];
    for (let i = 0; i < 3; i++) {
      const phone = `+1555777020${i}`;
      const input = await seedEnrollment(database.db, journey, await seedPatient(database.db, { phone }));
      await startEnrollment(client, taskQueue, input);
      runs.push({ ...input, phone });
    }
    for (const run of runs)
      await eventually(
        async () => (await enrollmentState(client, run.workflowId))?.phase.kind === 'waiting',
        `${run.workflowId} waiting`,
      );

    expect(await readiness(taskQueue)).toBe(200);
    expect(await readiness('carepath-nobody-polls')).toBe(503);

    // Down and up again on the same port and the same SQLite file, while every enrollment sits in its wait.
    await server.stop();
    server = await startDevServer({ dataDir: serverDir(), port, log: () => {} });

    const finals: EnrollmentState[] = await Promise.all(
      runs.map((run) => client.workflow.getHandle(run.workflowId).result()),
    );
    for (const final of finals) {
      expect(final.status).toBe('completed');
      expect(final.path.map((entry) => `${entry.step}:${entry.output ?? ''}`)).toEqual([
        'welcome:next',
        'wait-two-days:next',
        'ask-first-dose:timeout',
        'end-no-reply:',
      ]);
    }
    for (const run of runs) expect(await inbox().messagesTo([run.phone])).toHaveLength(2);
    // The worker polls the restarted server again, so the runtime reports ready again.
    await eventually(async () => (await readiness(taskQueue)) === 200, 'ready after the restart');
    await connection.close();
  }, 240_000);
});
