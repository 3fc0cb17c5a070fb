/**
 * A worker in its own process for the Twilio fault test: the real enrollment worker whose `twilio-sms` connector,
 * once the (fake) provider has accepted a text, says so on stdout and then hangs, so the test can SIGKILL it there.
 * Configured by the environment: TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE, TASK_QUEUE, DATABASE_URL, TWILIO_BASE_URL.
 */
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import { ConnectorRegistry, type Connector } from '../../connectors/sdk/index.js';
import { createTwilioSmsConnector } from '../../connectors/twilio/twilio-sms.js';
import { openDatabase } from '../../runtime/db/client.js';
import { createWorker } from '../../runtime/temporal/worker.js';
import { testPayloadKeys } from '../support/payload-keys.js';
import { twilioSettings } from './faults-twilio-settings.js';

const { TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE = 'default', TASK_QUEUE, DATABASE_URL, TWILIO_BASE_URL } = process.env;
if (!TEMPORAL_ADDRESS || !TASK_QUEUE || !DATABASE_URL || !TWILIO_BASE_URL)
  throw new Error('faults-twilio-worker needs TEMPORAL_ADDRESS, TASK_QUEUE, DATABASE_URL and TWILIO_BASE_URL');

Runtime.install({ logger: new DefaultLogger('ERROR') });
const database = await openDatabase(DATABASE_URL);
const twilio = createTwilioSmsConnector();
const diesAfterAccepting: Connector<Parameters<typeof twilio.send>[1]> = {
  ...twilio,
  async send(message, settings) {
    const { providerMessageId } = await twilio.send(message, settings);
    process.stdout.write(`accepted ${providerMessageId}\n`);
    // Twilio has the text; the activity never reports it. The test kills this process now.
    return new Promise(() => {});
  },
};
const worker = await createWorker({
  connection: await NativeConnection.connect({ address: TEMPORAL_ADDRESS }),
  namespace: TEMPORAL_NAMESPACE,
  taskQueue: TASK_QUEUE,
  db: database.db,
  connectors: new ConnectorRegistry().register(diesAfterAccepting, twilioSettings(TWILIO_BASE_URL)),
  payloadKeys: testPayloadKeys,
});
process.stdout.write('polling\n');
await worker.run();
