/**
 * A worker in its own process for the fault tests: the real enrollment worker whose development channel, once the
 * provider has accepted a send, says so on stdout and then hangs, so the test can SIGKILL it at exactly that point.
 * Configured by the environment: TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE, TASK_QUEUE, DATABASE_URL.
 */
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import { ConnectorRegistry, type Connector } from '../../connectors/sdk/index.js';
import { createDevConnector } from '../../connectors/dev/dev-connector.js';
import { openDatabase } from '../../runtime/db/client.js';
import { createDevInboxStore } from '../../runtime/db/dev-inbox.js';
import { createWorker } from '../../runtime/temporal/worker.js';
import { testPayloadKeys } from '../support/payload-keys.js';

const { TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE = 'default', TASK_QUEUE, DATABASE_URL } = process.env;
if (!TEMPORAL_ADDRESS || !TASK_QUEUE || !DATABASE_URL)
  throw new Error('faults-worker needs TEMPORAL_ADDRESS, TASK_QUEUE and DATABASE_URL');

Runtime.install({ logger: new DefaultLogger('ERROR') });
const database = await openDatabase(DATABASE_URL);
const dev = createDevConnector(createDevInboxStore(database.db));
const diesAfterAccepting: Connector<Parameters<typeof dev.send>[1]> = {
  ...dev,
  async send(message, settings) {
    await dev.send(message, settings);
    process.stdout.write(`accepted ${message.idempotencyKey}\n`);
    // The provider has the message; the activity never reports it. The test kills this process now.
    return new Promise(() => {});
  },
};
const worker = await createWorker({
  connection: await NativeConnection.connect({ address: TEMPORAL_ADDRESS }),
  namespace: TEMPORAL_NAMESPACE,
  taskQueue: TASK_QUEUE,
  db: database.db,
  connectors: new ConnectorRegistry().register(diesAfterAccepting, {}),
  payloadKeys: testPayloadKeys,
});
process.stdout.write('polling\n');
await worker.run();
