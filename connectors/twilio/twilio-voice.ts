/**
 * `twilio-voice`: an outbound call through Twilio's Calls API whose script is read to the patient (TwiML Say) and
 * whose keypad or spoken answer (Gather) comes back as a reply, matched against the step's reply classes.
 */
import type { Connector, DeliveryStatus, InboundMessage } from '../sdk/connector.js';
import { createResource, createdSince, firstUnrecorded, listSentTo } from './rest.js';
import { TwilioSettings } from './settings.js';
import { deliveryState, e164, parseForm, verifyTwilioRequest } from './inbound.js';
import { gatherTwiml, sayTwiml } from './twiml.js';

/** Which callback a request is: asked in the URL Carepath gave Twilio, so the route knows without guessing. */
const step = (url: string) => new URL(url).searchParams.get('call');

const withStep = (webhookUrl: string, value: string) => {
  const url = new URL(webhookUrl);
  url.searchParams.set('call', value);
  return url.toString();
};

export function createTwilioVoiceConnector(): Connector<TwilioSettings> {
  return {
    id: 'twilio-voice',
    name: 'Twilio voice calls',
    channels: ['voice'],
    settingsSchema: TwilioSettings,
    async send(message, settings) {
      if (!settings.from) throw new Error('twilio-voice needs a `from` number: messaging services do not place calls');
      if (!settings.webhookUrl) throw new Error('twilio-voice needs `webhookUrl`: Twilio asks it what to say');
      const { sid } = await createResource(
        settings,
        'Calls',
        {
          To: message.to,
          From: settings.from,
          Url: withStep(settings.webhookUrl, 'instructions'),
          StatusCallback: settings.webhookUrl,
          StatusCallbackEvent: 'completed',
        },
        message.idempotencyKey,
      );
      return { providerMessageId: sid };
    },
    /**
     * Twilio ignores Idempotency-Key for calls too: a retry after a lost answer looks for a call to the patient from
     * this number placed since the attempt began. One enrollment places its calls one at a time, so such a call is
     * this one; only another enrollment calling the same number within those minutes could be taken for it.
     */
    async findSent(message, since, settings, recordedElsewhere) {
      const placed = (await listSentTo(settings, 'Calls', message.to)).filter(
        (call) => call.from === settings.from && createdSince(call, since),
      );
      // Oldest first; a call already recorded as another message's (an earlier, busy call of the step) is not this one.
      return firstUnrecorded(placed.reverse(), recordedElsewhere);
    },
    verifyInbound: verifyTwilioRequest,
    callInstructionsFor(request) {
      return step(request.url) === 'instructions' ? parseForm(request.rawBody).CallSid : undefined;
    },
    callInstructions(script, settings) {
      if (!script || !settings.webhookUrl) return sayTwiml('Sorry, we have no message for you right now. Goodbye.');
      return gatherTwiml(script, withStep(settings.webhookUrl, 'answer'));
    },
    parseInbound(request): InboundMessage[] {
      if (step(request.url) !== 'answer') return [];
      const form = parseForm(request.rawBody);
      const answer = form.Digits ?? form.SpeechResult;
      // On a call Carepath placed, the patient is the one called: `To`.
      const patient = form.Direction?.startsWith('outbound') === false ? form.From : form.To;
      if (!answer || !patient) return [];
      return [{ channel: 'voice', from: e164(patient), body: answer, providerMessageId: form.CallSid }];
    },
    parseStatuses(request): DeliveryStatus[] {
      if (step(request.url) !== null) return [];
      const form = parseForm(request.rawBody);
      const status = deliveryState(form.CallStatus);
      if (!status || !form.CallSid) return [];
      return [
        {
          providerMessageId: form.CallSid,
          status,
          ...(status === 'failed' ? { error: `call ${form.CallStatus}` } : {}),
        },
      ];
    },
    webhookReply: () => sayTwiml('Thank you. Goodbye.'),
  };
}
