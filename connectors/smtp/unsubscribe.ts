/** One-click unsubscribe links (RFC 8058): the address and an HMAC over it, so only the recipient's own link opts them out. */
import { hmac, signaturesMatch } from '../sdk/signing.js';

export const UNSUBSCRIBE_PARAM = 'unsubscribe';

const tokenFor = (secret: string, address: string) =>
  `${Buffer.from(address).toString('base64url')}.${hmac('sha256', secret, `unsubscribe:${address}`, 'base64').replace(/=+$/, '')}`;

/** The link in a message to `address`: POSTing `List-Unsubscribe=One-Click` to it opts the address out. */
export function unsubscribeUrl(webhookUrl: string, secret: string, address: string): string {
  const url = new URL(webhookUrl);
  url.searchParams.set(UNSUBSCRIBE_PARAM, tokenFor(secret, address.toLowerCase()));
  return url.toString();
}

/** The address a link was made for, or undefined when the link is not one this connector signed. */
export function unsubscribedAddress(secret: string, url: string): string | undefined {
  let token: string | null;
  try {
    token = new URL(url).searchParams.get(UNSUBSCRIBE_PARAM);
  } catch {
    return undefined;
  }
  const [encoded] = token?.split('.') ?? [];
  if (!token || !encoded) return undefined;
  const address = Buffer.from(encoded, 'base64url').toString('utf8');
  return signaturesMatch(tokenFor(secret, address), token) ? address : undefined;
}
