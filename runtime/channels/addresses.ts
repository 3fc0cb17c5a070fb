/** Contact addresses in one canonical form: phone numbers in E.164 (libphonenumber-js), email addresses lower-cased. */
import { parsePhoneNumberFromString } from 'libphonenumber-js';

export type AddressKind = 'phone' | 'email';

/** Which of a patient's addresses a channel uses; none for webhooks (a system, not the patient). */
export function addressKindOf(channel: string): AddressKind | undefined {
  if (channel === 'sms' || channel === 'voice') return 'phone';
  if (channel === 'email') return 'email';
  return undefined;
}

/** The canonical form of an address, or undefined when it is not a valid phone number or email address. */
export function normalizeAddress(kind: AddressKind, raw: string): string | undefined {
  const text = raw.trim();
  if (kind === 'email') return /^[^\s@]+@[^\s@]+$/.test(text) ? text.toLowerCase() : undefined;
  // Numbers without a country code are read as US numbers, the programs' home market. Possible rather than valid:
  // test ranges (555) and numbers newer than the library's metadata must still be comparable.
  const phone = parsePhoneNumberFromString(text, 'US');
  return phone?.isPossible() ? phone.number : undefined;
}

/** The kind of an address as a provider reports it: an @ means email. */
export function kindOfAddress(address: string): AddressKind {
  return address.includes('@') ? 'email' : 'phone';
}
