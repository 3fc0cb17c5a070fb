/**
 * An example custom connector, the whole job in one file: a partner system (a specialty pharmacy, a hub) reached by a
 * signed HTTPS webhook. Copy it, rename the id, and register it in runtime/carepath.ts; signed-webhook.test.ts shows
 * it passing the connector contract kit.
 */
import { z } from 'zod';
import { PermanentSendError, type Connector, type InboundMessage } from '../../connectors/sdk/connector.js';
import { header, hmac, signaturesMatch } from '../../connectors/sdk/signing.js';

/** Both directions sign `<timestamp>.<raw body>` with the shared secret (HMAC-SHA256, hex) in these headers. */
export const SIGNATURE_HEADER = 'x-carepath-signature';
export const TIMESTAMP_HEADER = 'x-carepath-timestamp';

/** A signature older than this is refused, so a captured request cannot be replayed later. */
const MAX_AGE_SECONDS = 300;

const settingsSchema = z.object({
  url: z.url('must be the partner’s https URL').describe('Where messages are posted'),
  secret: z
    .string()
    .min(32, 'must be at least 32 characters')
    .describe('Shared secret both sides sign with')
    .meta({ writeOnly: true }),
});
type Settings = z.infer<typeof settingsSchema>;

/** What the partner posts back: a reply or event from the patient it knows by id. */
const Inbound = z.strictObject({ from: z.string().min(1).max(320), body: z.string().max(2000) });

export function signWebhook(secret: string, timestamp: number, rawBody: string): string {
  return `sha256=${hmac('sha256', secret, `${timestamp}.${rawBody}`, 'hex')}`;
}

export function createSignedWebhookConnector(now: () => number = () => Date.now()): Connector<Settings> {
  return {
    id: 'signed-webhook',
    name: 'Partner system (signed HTTPS webhook)',
    channels: ['webhook'],
    settingsSchema,
    async send(message, settings) {
      const rawBody = JSON.stringify({ to: message.to, subject: message.subject, body: message.body });
      const timestamp = Math.floor(now() / 1000);
      const response = await fetch(settings.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'idempotency-key': message.idempotencyKey,
          [TIMESTAMP_HEADER]: String(timestamp),
          [SIGNATURE_HEADER]: signWebhook(settings.secret, timestamp, rawBody),
        },
        body: rawBody,
        signal: AbortSignal.timeout(30_000),
      });
      const answer = (await response.json().catch(() => ({}))) as { id?: string; error?: string };
      // 4xx: the partner will never take this message (unknown patient); 429 and 5xx are worth retrying.
      if (response.status >= 400 && response.status < 500 && response.status !== 429)
        throw new PermanentSendError(`The partner refused the message: ${answer.error ?? `HTTP ${response.status}`}`, {
          badAddress: response.status === 404 || response.status === 422,
        });
      if (!response.ok || !answer.id) throw new Error(`The partner did not take the message: HTTP ${response.status}`);
      return { providerMessageId: answer.id };
    },
    verifyInbound(request, settings) {
      const timestamp = Number(header(request.headers, TIMESTAMP_HEADER));
      if (!Number.isInteger(timestamp) || Math.abs(now() / 1000 - timestamp) > MAX_AGE_SECONDS) return false;
      // The URL is signed too, so a request meant for one Carepath instance is refused by another.
      return signaturesMatch(
        signWebhook(settings.secret, timestamp, `${request.url}\n${request.rawBody}`),
        header(request.headers, SIGNATURE_HEADER),
      );
    },
    parseInbound(request): InboundMessage[] {
      const parsed = Inbound.parse(JSON.parse(request.rawBody));
      return [{ channel: 'webhook', from: parsed.from, body: parsed.body }];
    },
  };
}
