/** `twilio-sms`: text messages through Twilio's Messages API, replies and delivery reports through its signed webhooks. */
import type { Connector, DeliveryStatus, InboundMessage } from '../sdk/connector.js';
import { createResource, createdSince, firstUnrecorded, listSentTo } from './rest.js';
import { TwilioSettings } from './settings.js';
import { deliveryState, e164, parseForm, verifyTwilioRequest } from './inbound.js';

export function createTwilioSmsConnector(): Connector<TwilioSettings> {
  return {
    id: 'twilio-sms',
    name: 'Twilio SMS',
    channels: ['sms'],
    settingsSchema: TwilioSettings,
    async send(message, settings) {
      const params: Record<string, string> = { To: message.to, Body: message.body };
      if (settings.messagingServiceSid) params.MessagingServiceSid = settings.messagingServiceSid;
      else params.From = settings.from!;
      if (settings.webhookUrl) params.StatusCallback = settings.webhookUrl;
      const { sid } = await createResource(settings, 'Messages', params, message.idempotencyKey);
      return { providerMessageId: sid };
    },
    // Twilio ignores Idempotency-Key: a retry after a lost answer looks for the text among the number's newest messages.
    async findSent(message, since, settings, recordedElsewhere) {
      const sent = (await listSentTo(settings, 'Messages', message.to)).filter(
        (m) =>
          m.body === message.body &&
          (settings.messagingServiceSid !== undefined || m.from === settings.from) &&
          createdSince(m, since),
      );
      // Oldest first: of two matching texts, the earlier is the one the lost attempt sent.
      return firstUnrecorded(sent.reverse(), recordedElsewhere);
    },
    verifyInbound: verifyTwilioRequest,
    parseInbound(request): InboundMessage[] {
      const form = parseForm(request.rawBody);
      // A status callback carries MessageStatus; an incoming message carries Body and no status.
      if (form.MessageStatus || form.Body === undefined || !form.From) return [];
      return [{ channel: 'sms', from: e164(form.From), body: form.Body, providerMessageId: form.MessageSid }];
    },
    parseStatuses(request): DeliveryStatus[] {
      const form = parseForm(request.rawBody);
      const status = deliveryState(form.MessageStatus);
      if (!status || !form.MessageSid) return [];
      const error = form.ErrorCode
        ? `Twilio error ${form.ErrorCode}${form.ErrorMessage ? `: ${form.ErrorMessage}` : ''}`
        : undefined;
      return [{ providerMessageId: form.MessageSid, status, ...(error ? { error } : {}) }];
    },
    // An empty TwiML answer: Twilio sends nothing back on its own; Carepath's replies (HELP, not understood) go through `send`.
    webhookReply: () => ({
      contentType: 'text/xml',
      body: '<?xml version="1.0" encoding="UTF-8"?><Response></Response>',
    }),
  };
}
