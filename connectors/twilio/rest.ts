/** A minimal client for Twilio's REST API: form-encoded POSTs with basic auth, JSON answers, Twilio's error codes. */
import { PermanentSendError } from '../sdk/connector.js';
import type { TwilioSettings } from './settings.js';

/**
 * Twilio error codes that no retry can fix: the number is invalid, not reachable by SMS, or unsubscribed.
 * https://www.twilio.com/docs/api/errors — 21211 invalid To, 21214 not reachable, 21408 region not enabled,
 * 21610 the recipient replied STOP, 21612 cannot route, 21614 not a mobile number, 21217 not a valid phone number.
 */
const PERMANENT_CODES = new Set([21211, 21214, 21217, 21408, 21610, 21612, 21614, 13224]);

/** A failure Twilio reported, with its code; a temporary one (429, 5xx) is retried by Temporal. */
export class TwilioError extends Error {
  constructor(
    readonly httpStatus: number,
    readonly code: number | undefined,
    message: string,
  ) {
    super(message);
    this.name = 'TwilioError';
  }
}

/** POSTs a form to `/2010-04-01/Accounts/{sid}/{resource}.json` and returns Twilio's JSON answer. */
export async function createResource(
  settings: TwilioSettings,
  resource: 'Messages' | 'Calls',
  params: Record<string, string>,
  idempotencyKey: string,
): Promise<{ sid: string; status?: string }> {
  const url = `${settings.baseUrl.replace(/\/$/, '')}/2010-04-01/Accounts/${settings.accountSid}/${resource}.json`;
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${settings.accountSid}:${settings.authToken}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/json',
      // Honoured by Twilio-compatible gateways and our loopback fake; Twilio's own API ignores it, and the
      // messages table keeps a retried activity from sending again once the first attempt was recorded.
      'idempotency-key': idempotencyKey,
    },
    body: new URLSearchParams(params),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  let json: { sid?: string; status?: string | number; code?: number; message?: string } = {};
  try {
    json = JSON.parse(text) as typeof json;
  } catch {
    // Proxies and outages answer with HTML; the status code says enough.
  }
  if (response.ok && typeof json.sid === 'string') return { sid: json.sid, status: String(json.status ?? '') };
  const code = typeof json.code === 'number' ? json.code : undefined;
  const message = `Twilio refused the ${resource === 'Messages' ? 'message' : 'call'}: ${json.message ?? `HTTP ${response.status}`}${code ? ` (error ${code})` : ''}`;
  // Only the address's own faults are final; bad credentials or an outage are worth retrying once fixed.
  if (code !== undefined && PERMANENT_CODES.has(code)) throw new PermanentSendError(message, { badAddress: true });
  throw new TwilioError(response.status, code, message);
}

/** A message or call as Twilio's list returns it (the fields the send lookup needs); calls have no body. */
export interface TwilioSent {
  sid: string;
  to: string;
  from: string | null;
  body?: string;
  date_created: string;
}

/** The newest messages or calls to `to` (one page, newest first): enough to find the one a lost attempt made minutes ago. */
export async function listSentTo(
  settings: TwilioSettings,
  resource: 'Messages' | 'Calls',
  to: string,
): Promise<TwilioSent[]> {
  const query = new URLSearchParams({ To: to, PageSize: '50' });
  const url = `${settings.baseUrl.replace(/\/$/, '')}/2010-04-01/Accounts/${settings.accountSid}/${resource}.json?${query}`;
  const response = await fetch(url, {
    headers: {
      authorization: `Basic ${Buffer.from(`${settings.accountSid}:${settings.authToken}`).toString('base64')}`,
      accept: 'application/json',
    },
    signal: AbortSignal.timeout(30_000),
  });
  // Not knowing is not "not sent": the activity retries rather than risk a second text or call.
  if (!response.ok)
    throw new TwilioError(
      response.status,
      undefined,
      `Twilio's ${resource === 'Messages' ? 'message' : 'call'} list answered HTTP ${response.status}`,
    );
  const page = (await response.json()) as { messages?: TwilioSent[]; calls?: TwilioSent[] };
  return (resource === 'Messages' ? page.messages : page.calls) ?? [];
}

/** The first of `candidates` that is not already another message's, or undefined. */
export async function firstUnrecorded(
  candidates: TwilioSent[],
  recordedElsewhere: (providerMessageId: string) => Promise<boolean> = async () => false,
): Promise<{ providerMessageId: string } | undefined> {
  for (const candidate of candidates)
    if (!(await recordedElsewhere(candidate.sid))) return { providerMessageId: candidate.sid };
  return undefined;
}

/** Twilio's clock and ours differ a little: a record created up to a minute before the attempt began still counts. */
export const createdSince = (record: TwilioSent, since: Date) =>
  Date.parse(record.date_created) >= since.getTime() - 60_000;
