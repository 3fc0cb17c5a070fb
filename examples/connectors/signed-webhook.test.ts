/** The example custom connector passes the connector contract kit against a partner faked by a loopback HTTPS-shaped server. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describeConnectorContract } from '../../connectors/sdk/contract.js';
import { createSignedWebhookConnector, SIGNATURE_HEADER, signWebhook, TIMESTAMP_HEADER } from './signed-webhook.js';

const secret = 'a-partner-secret-of-at-least-32-chars';
const webhookUrl = 'https://carepath.example.org/webhooks/signed-webhook';

describeConnectorContract('signed-webhook (example)', async () => {
  const received: Array<{ id: string; to: string; body: string }> = [];
  const byKey = new Map<string, string>();
  const partner = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const timestamp = Number(request.headers[TIMESTAMP_HEADER]);
    const answer = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (request.headers[SIGNATURE_HEADER] !== signWebhook(secret, timestamp, raw))
      return answer(401, { error: 'bad signature' });
    const message = JSON.parse(raw) as { to: string; body: string };
    if (message.to === 'patient:unknown') return answer(422, { error: 'no such patient' });
    const key = String(request.headers['idempotency-key']);
    if (!byKey.has(key)) {
      const id = `msg-${received.length + 1}`;
      byKey.set(key, id);
      received.push({ id, to: message.to, body: message.body });
    }
    answer(200, { id: byKey.get(key) });
  });
  await new Promise<void>((resolve) => partner.listen(0, '127.0.0.1', resolve));
  const { port } = partner.address() as AddressInfo;
  const signed = (rawBody: string) => {
    const timestamp = Math.floor(Date.now() / 1000);
    return {
      url: webhookUrl,
      headers: {
        'content-type': 'application/json',
        [TIMESTAMP_HEADER]: String(timestamp),
        [SIGNATURE_HEADER]: signWebhook(secret, timestamp, `${webhookUrl}\n${rawBody}`),
      },
      rawBody,
    };
  };
  return {
    connector: createSignedWebhookConnector(),
    settings: { url: `http://127.0.0.1:${port}/carepath`, secret },
    invalidSettings: [
      { settings: { url: 'nope', secret }, mentions: 'url' },
      { settings: { url: 'https://partner.example.org', secret: 'short' }, mentions: 'secret' },
    ],
    channel: 'webhook',
    address: 'patient:pat_123',
    undeliverableAddress: 'patient:unknown',
    async providerMessages(address) {
      return received.filter((m) => m.to === address).map((m) => ({ providerMessageId: m.id, body: m.body }));
    },
    signedReply: (from, body) => signed(JSON.stringify({ from, body })),
    signatureHeader: SIGNATURE_HEADER,
    forgeries() {
      // A genuine signature, but ten minutes old: a replay.
      const old = Math.floor(Date.now() / 1000) - 600;
      const rawBody = JSON.stringify({ from: 'patient:pat_123', body: 'YES' });
      return [
        {
          url: webhookUrl,
          headers: {
            [TIMESTAMP_HEADER]: String(old),
            [SIGNATURE_HEADER]: signWebhook(secret, old, `${webhookUrl}\n${rawBody}`),
          },
          rawBody,
        },
      ];
    },
    close: () => new Promise<void>((resolve) => partner.close(() => resolve())),
  };
});
