/** Twilio's request signature: HMAC-SHA1, keyed with the auth token, of the full webhook URL followed by every POST parameter sorted by name. */
import { hmac, signaturesMatch } from '../sdk/signing.js';

/** The header Twilio puts its signature in. */
export const TWILIO_SIGNATURE_HEADER = 'x-twilio-signature';

/** The signature Twilio computes for a request to `url` with these form parameters (base64). */
export function twilioSignature(authToken: string, url: string, params: Record<string, string>): string {
  const data = Object.keys(params)
    .sort()
    .reduce((text, name) => text + name + params[name], url);
  return hmac('sha1', authToken, data, 'base64');
}

/** True when `given` is the signature of this request, compared in constant time. */
export function isTwilioSigned(
  authToken: string,
  url: string,
  params: Record<string, string>,
  given: string | undefined,
): boolean {
  return signaturesMatch(twilioSignature(authToken, url, params), given);
}
