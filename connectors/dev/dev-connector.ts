/** The development channel: delivers into a local inbox (the patient's phone in the designer), so a journey runs end to end with no provider account. */
import { z } from 'zod';
import { PermanentSendError, type Connector, type InboundMessage, type OutboundMessage } from '../sdk/connector.js';

/** Where the development channel keeps what it delivered; the runtime backs it with the database. */
export interface DevInboxStore {
  deliver(message: { address: string; channel: string; subject?: string; body: string }): Promise<string>;
}

const settingsSchema = z.object({
  /** Addresses starting with this prefix fail permanently, to try a journey's fallback path. */
  undeliverablePrefix: z
    .string()
    .default('+1555000')
    .describe('Numbers starting with this are treated as undeliverable'),
});
type DevSettings = z.infer<typeof settingsSchema>;

const InboundBody = z.strictObject({
  from: z.string().min(1).max(320),
  body: z.string().max(2000),
  channel: z.enum(['sms', 'email', 'voice', 'video', 'push']).default('sms'),
});

export function createDevConnector(inbox: DevInboxStore): Connector<DevSettings> {
  return {
    id: 'dev',
    name: 'Development channel (local inbox)',
    channels: ['sms', 'email', 'voice', 'video', 'push', 'webhook'],
    settingsSchema: settingsSchema as z.ZodType<DevSettings>,
    async send(message: OutboundMessage, settings: DevSettings) {
      if (settings.undeliverablePrefix && message.to.startsWith(settings.undeliverablePrefix)) {
        throw new PermanentSendError(`${message.to} is undeliverable on the development channel`);
      }
      const id = await inbox.deliver({
        address: message.to,
        channel: message.channel,
        subject: message.subject,
        body: message.body,
      });
      return { providerMessageId: id };
    },
    parseInbound(request): InboundMessage[] {
      const parsed = InboundBody.parse(JSON.parse(request.rawBody));
      return [{ channel: parsed.channel, from: parsed.from, body: parsed.body }];
    },
  };
}
