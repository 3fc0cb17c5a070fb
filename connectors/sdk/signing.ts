/** Helpers for verifying provider webhooks: constant-time comparison and form-body parsing, shared by every connector. */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Compares a signature from a request with the expected one without leaking, by timing, how much of it matched. */
export function signaturesMatch(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** HMAC of `data` with `key`, in the encoding a provider puts in its header. */
export function hmac(algorithm: 'sha1' | 'sha256', key: string, data: string, encoding: 'base64' | 'hex'): string {
  return createHmac(algorithm, key).update(data, 'utf8').digest(encoding);
}

/** An `application/x-www-form-urlencoded` body as name → value (a repeated name keeps its last value). */
export function parseForm(rawBody: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(rawBody));
}

/** The header's value, whatever case the server gave its name. */
export function header(headers: Record<string, string>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === wanted) return value;
  return undefined;
}
