/** Settings shared by the Twilio connectors: the account, where to call it, and the sender, as a schema the designer renders. */
import { z } from 'zod';

export const TwilioSettings = z
  .object({
    accountSid: z
      .string()
      .regex(/^AC[0-9a-fA-F]{32}$/, 'must be a Twilio account SID: AC followed by 32 hexadecimal characters')
      .describe('Account SID from the Twilio console'),
    authToken: z
      .string()
      .min(16, 'must be the account auth token (32 characters)')
      .describe('Auth token: signs requests to Twilio and verifies the webhooks Twilio sends')
      .meta({ writeOnly: true }),
    from: z
      .string()
      .regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 phone number such as +15551234567')
      .optional()
      .describe('The number messages and calls come from (or use a messaging service)'),
    messagingServiceSid: z
      .string()
      .regex(/^MG[0-9a-fA-F]{32}$/, 'must be a messaging service SID: MG followed by 32 hexadecimal characters')
      .optional()
      .describe('Messaging service that picks the sender (SMS only)'),
    baseUrl: z
      .url('must be a URL such as https://api.twilio.com')
      .default('https://api.twilio.com')
      .describe("Twilio's REST API; tests point it at a loopback server"),
    webhookUrl: z
      .url(
        'must be the public https URL of this connector instance, such as https://carepath.example.org/api/webhooks/twilio-sms',
      )
      .optional()
      .describe('Public URL of this connector’s webhook: delivery reports and call instructions come here'),
  })
  .refine((s) => s.from !== undefined || s.messagingServiceSid !== undefined, {
    message: 'set a sender: from (a phone number) or messagingServiceSid',
    path: ['from'],
  });
export type TwilioSettings = z.infer<typeof TwilioSettings>;
