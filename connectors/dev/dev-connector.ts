/** The development channel: delivers into a local inbox (the patient's phone in the designer), so a journey runs end to end with no provider account. */
import { z } from 'zod';
import { PermanentSendError, type Connector, type InboundMessage, type OutboundMessage } from '../sdk/connector.js';
import { header, hmac, signaturesMatch } from '../sdk/signing.js';

/** Where the development channel keeps what it delivered; the runtime backs it with the database. */
export interface DevInboxStore {
  /** Delivers once per idempotency key: a second delivery with the same key returns the first message's id. */
  deliver(message: {
    address: string;
    channel: string;
    subject?: string;
    body: string;
    idempotencyKey?: string;
  }): Promise<string>;
}

/** The header carrying `sha256=<hex HMAC of the URL, a newline and the raw body>` on webhooks to the development channel. */
export const DEV_SIGNATURE_HEADER = 'x-carepath-signature';

const settingsSchema = z.object({
  /** Addresses starting with this prefix fail permanently, to try a journey's fallback path. */
  undeliverablePrefix: z
    .string()
    .default('+1555000')
    .describe('Numbers starting with this are treated as undeliverable'),
  webhookSecret: z
    .string()
    .min(16, 'must be at least 16 characters')
    .optional()
    .describe('Shared secret for scripted replies through the webhook; without it only the inbox reply box answers')
    .meta({ writeOnly: true }),
});
type DevSettings = z.infer<typeof settingsSchema>;

const InboundBody = z.strictObject({
  from: z.string().min(1).max(320),
  body: z.string().max(2000),
  channel: z.enum(['sms', 'email', 'voice', 'video', 'push']).default('sms'),
});

/** The signature a script puts on a webhook to the development channel; the URL is covered, so it cannot be replayed elsewhere. */
export function signDevWebhook(secret: string, url: string, rawBody: string): string {
  return `sha256=${hmac('sha256', secret, `${url}\n${rawBody}`, 'hex')}`;
}

export function createDevConnector(inbox: DevInboxStore): Connector<DevSettings> {
  return {
    id: 'dev',
    name: 'Development channel (local inbox)',
    reachesNoPatient: true,
    channels: ['sms', 'email', 'voice', 'video', 'push', 'webhook'],
    settingsSchema: settingsSchema as z.ZodType<DevSettings>,
    async send(message: OutboundMessage, settings: DevSettings) {
      if (settings.undeliverablePrefix && message.to.startsWith(settings.undeliverablePrefix)) {
        throw new PermanentSendError(`${message.to} is undeliverable on the development channel`, { badAddress: true });
      }
      const id = await inbox.deliver({
        address: message.to,
        channel: message.channel,
        subject: message.subject,
        body: message.body,
        idempotencyKey: message.idempotencyKey,
      });
      return { providerMessageId: id };
    },
    verifyInbound(request, settings) {
      if (!settings.webhookSecret) return false;
      return signaturesMatch(
        signDevWebhook(settings.webhookSecret, request.url, request.rawBody),
        header(request.headers, DEV_SIGNATURE_HEADER),
      );
    },
    parseInbound(request): InboundMessage[] {
      const parsed = InboundBody.parse(JSON.parse(request.rawBody));
      return [{ channel: parsed.channel, from: parsed.from, body: parsed.body }];
    },
  };
}
