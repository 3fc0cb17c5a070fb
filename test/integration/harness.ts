/** One real Temporal server, one real libsql database and one worker with the real activities and dev connector, for an integration test file. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { ConnectorRegistry } from '../../connectors/sdk/index.js';
import { createDevConnector } from '../../connectors/dev/dev-connector.js';
import { openDatabase, type OpenedDatabase } from '../../runtime/db/client.js';
import { createDevInboxStore } from '../../runtime/db/dev-inbox.js';
import { createWorker } from '../../runtime/temporal/worker.js';
import { installTemporalLogging } from '../../runtime/temporal/runtime-log.js';
import { testPayloadKeys } from '../support/payload-keys.js';

export interface Harness {
  env: TestWorkflowEnvironment;
  database: OpenedDatabase;
  connectors: ConnectorRegistry;
  worker: Worker;
  taskQueue: string;
  stop(): Promise<void>;
}

/** Starts the pieces in order; `stop` takes them down in reverse and removes the database folder. */
export async function startHarness(
  taskQueue: string,
  createEnv: () => Promise<TestWorkflowEnvironment>,
  /** Registers provider connectors (pointed at loopback fakes) beside the development channel. */
  addConnectors?: (registry: ConnectorRegistry) => void,
  /** Worker settings a deployment configures (consent), beyond the test defaults. */
  workerOptions: { requireConsent?: boolean } = {},
): Promise<Harness> {
  // Through Carepath's logger, warnings and up (the worker logs every task at INFO). Before the runtime's first use.
  installTemporalLogging();
  const dir = mkdtempSync(join(tmpdir(), 'carepath-it-'));
  const database = await openDatabase(`file:${join(dir, 'test.db')}`);
  const env = await createEnv();
  const connectors = new ConnectorRegistry().register(createDevConnector(createDevInboxStore(database.db)), {});
  addConnectors?.(connectors);
  const worker = await createWorker({
    connection: env.nativeConnection,
    namespace: env.namespace ?? 'default',
    taskQueue,
    db: database.db,
    connectors,
    payloadKeys: testPayloadKeys,
    ...workerOptions,
  });
  const running = worker.run();
  return {
    env,
    database,
    connectors,
    worker,
    taskQueue,
    async stop() {
      worker.shutdown();
      await running;
      await env.teardown();
      database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
