/** The development channel passes the connector contract kit, delivering into a real libsql inbox. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeConnectorContract } from '../sdk/contract.js';
import { openDatabase } from '../../runtime/db/client.js';
import { createDevInboxStore } from '../../runtime/db/dev-inbox.js';
import { createDevConnector, DEV_SIGNATURE_HEADER, signDevWebhook } from './dev-connector.js';

const secret = 'dev-webhook-secret-for-tests';
const url = 'http://localhost:3000/api/webhooks/dev';

describeConnectorContract('dev', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'carepath-dev-connector-'));
  const database = await openDatabase(`file:${join(dir, 'test.db')}`);
  const inbox = createDevInboxStore(database.db);
  const signed = (rawBody: string) => ({
    url,
    headers: { 'content-type': 'application/json', [DEV_SIGNATURE_HEADER]: signDevWebhook(secret, url, rawBody) },
    rawBody,
  });
  return {
    connector: createDevConnector(inbox),
    settings: { webhookSecret: secret },
    invalidSettings: [
      { settings: { webhookSecret: 'short' }, mentions: 'webhookSecret' },
      { settings: { undeliverablePrefix: 7 }, mentions: 'undeliverablePrefix' },
    ],
    channel: 'sms',
    address: '+15550100100',
    undeliverableAddress: '+15550001234',
    async providerMessages(address) {
      return (await inbox.messagesTo([address])).map((m) => ({ providerMessageId: m.id, body: m.body }));
    },
    signedReply: (from, body) => signed(JSON.stringify({ from, body, channel: 'sms' })),
    signatureHeader: DEV_SIGNATURE_HEADER,
    async close() {
      database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
