/**
 * A worker in its own process for the fault tests: the real enrollment worker whose connector, once the provider has
 * accepted a send, says so on stdout (`accepted <idempotency key>` for the development channel, `accepted <sid>` for
 * Twilio) and then hangs, so the test can SIGKILL it at exactly that point. Configured by the environment:
 * TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE, TASK_QUEUE, DATABASE_URL, and TWILIO_BASE_URL to send through `twilio-sms`
 * (pointed at that loopback fake) instead of the development channel.
 */
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import { ConnectorRegistry, type Connector } from '../../connectors/sdk/index.js';
import { createDevConnector } from '../../connectors/dev/dev-connector.js';
import { createTwilioSmsConnector } from '../../connectors/twilio/twilio-sms.js';
import { openDatabase } from '../../runtime/db/client.js';
import { createDevInboxStore } from '../../runtime/db/dev-inbox.js';
import { createWorker } from '../../runtime/temporal/worker.js';
import { testPayloadKeys } from '../support/payload-keys.js';
import { twilioSettings } from './faults-twilio-settings.js';

const { TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE = 'default', TASK_QUEUE, DATABASE_URL, TWILIO_BASE_URL } = process.env;
if (!TEMPORAL_ADDRESS || !TASK_QUEUE || !DATABASE_URL)
  throw new Error('faults-worker needs TEMPORAL_ADDRESS, TASK_QUEUE and DATABASE_URL');

Runtime.install({ logger: new DefaultLogger('ERROR') });
const database = await openDatabase(DATABASE_URL);

/** The connector as it is, except that it never reports a send the provider accepted. */
function diesAfterAccepting<S>(connector: Connector<S>, said: (key: string, id: string) => string): Connector<S> {
  return {
    ...connector,
    async send(message, settings) {
      const { providerMessageId } = await connector.send(message, settings);
      process.stdout.write(`accepted ${said(message.idempotencyKey, providerMessageId)}\n`);
      // The provider has the message; the activity never reports it. The test kills this process now.
      return new Promise(() => {});
    },
  };
}

const connectors = TWILIO_BASE_URL
  ? new ConnectorRegistry().register(
      diesAfterAccepting(createTwilioSmsConnector(), (_, sid) => sid),
      twilioSettings(TWILIO_BASE_URL),
    )
  : new ConnectorRegistry().register(
      diesAfterAccepting(createDevConnector(createDevInboxStore(database.db)), (key) => key),
      {},
    );
const worker = await createWorker({
  connection: await NativeConnection.connect({ address: TEMPORAL_ADDRESS }),
  namespace: TEMPORAL_NAMESPACE,
  taskQueue: TASK_QUEUE,
  db: database.db,
  connectors,
  payloadKeys: testPayloadKeys,
});
process.stdout.write('polling\n');
await worker.run();
