/** Reading Twilio's webhooks: verifying the signature over the public URL and form, and the message-status vocabulary. */
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { DeliveryState, InboundRequest } from '../sdk/connector.js';
import { header, parseForm } from '../sdk/signing.js';
import { isTwilioSigned, TWILIO_SIGNATURE_HEADER } from './signature.js';
import type { TwilioSettings } from './settings.js';

/** Twilio signs form posts only; a JSON or empty body is refused (it signs those differently, and never sends them here). */
export function verifyTwilioRequest(request: InboundRequest, settings: TwilioSettings): boolean {
  return isTwilioSigned(
    settings.authToken,
    request.url,
    parseForm(request.rawBody),
    header(request.headers, TWILIO_SIGNATURE_HEADER),
  );
}

/** An address as Twilio gives it, in E.164 where it is a phone number (Twilio already sends E.164; this guards the rest). */
export function e164(address: string): string {
  return parsePhoneNumberFromString(address, 'US')?.number ?? address;
}

/** Twilio's MessageStatus / CallStatus words, mapped to Carepath's delivery states (interim ones are ignored). */
const STATES: Record<string, DeliveryState | undefined> = {
  queued: 'queued',
  accepted: 'queued',
  sending: 'queued',
  sent: 'sent',
  delivered: 'delivered',
  read: 'delivered',
  undelivered: 'undelivered',
  failed: 'failed',
  completed: 'delivered',
  busy: 'failed',
  'no-answer': 'failed',
  canceled: 'failed',
};

export function deliveryState(twilioStatus: string | undefined): DeliveryState | undefined {
  return twilioStatus ? STATES[twilioStatus] : undefined;
}

export { parseForm };
