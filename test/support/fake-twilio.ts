/** A loopback HTTP server that speaks Twilio's REST protocol (form in, JSON out, Twilio error codes) and records what it was asked. */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { TWILIO_SIGNATURE_HEADER, twilioSignature } from '../../connectors/twilio/signature.js';

export const FAKE_ACCOUNT_SID = `AC${'a1'.repeat(16)}`;
export const FAKE_AUTH_TOKEN = 'f'.repeat(32);
/** Twilio's own magic test number for an invalid destination: the fake answers it with error 21211. */
export const INVALID_NUMBER = '+15005550001';

export interface FakeTwilioRecord {
  sid: string;
  resource: 'Messages' | 'Calls';
  params: Record<string, string>;
  idempotencyKey?: string;
  /** When the fake accepted it (Twilio's `date_created`). */
  createdAt: Date;
}

export interface FakeTwilioOptions {
  /**
   * Answer a repeated Idempotency-Key with the first resource, as Twilio-compatible gateways do (the default).
   * Twilio's own API ignores the header: `false` behaves like it, creating a second message for a second request.
   */
  honourIdempotencyKey?: boolean;
}

export interface FakeTwilio {
  baseUrl: string;
  /** Every resource Twilio created, once per idempotency key. */
  created: FakeTwilioRecord[];
  /** Messages created for a number. */
  messagesTo(to: string): FakeTwilioRecord[];
  /** A webhook request as Twilio would send it to `url`: form body, signed with the auth token. */
  webhook(
    url: string,
    params: Record<string, string>,
  ): { url: string; headers: Record<string, string>; rawBody: string };
  close(): Promise<void>;
}

const sid = (prefix: string) => prefix + randomBytes(16).toString('hex');

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startFakeTwilio(
  accountSid = FAKE_ACCOUNT_SID,
  authToken = FAKE_AUTH_TOKEN,
  { honourIdempotencyKey = true }: FakeTwilioOptions = {},
): Promise<FakeTwilio> {
  const created: FakeTwilioRecord[] = [];
  const byKey = new Map<string, FakeTwilioRecord>();
  const server: Server = createServer(async (request, response) => {
    const answer = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    const [path, query = ''] = (request.url ?? '').split('?');
    const match = /^\/2010-04-01\/Accounts\/([^/]+)\/(Messages|Calls)\.json$/.exec(path);
    if (!match || !(request.method === 'POST' || request.method === 'GET'))
      return answer(404, { code: 20404, message: 'The requested resource was not found', status: 404 });
    const expected = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`;
    if (match[1] !== accountSid || request.headers.authorization !== expected)
      return answer(401, { code: 20003, message: 'Authenticate', status: 401 });
    if (request.method === 'GET') return answer(200, listPage(created, match[2] as 'Messages' | 'Calls', query));
    const params = Object.fromEntries(new URLSearchParams(await readBody(request)));
    const resource = match[2] as 'Messages' | 'Calls';
    const key = request.headers['idempotency-key'] as string | undefined;
    const seen = key && honourIdempotencyKey ? byKey.get(key) : undefined;
    if (seen) return answer(201, { sid: seen.sid, status: 'queued', ...seen.params });
    if (!/^\+[1-9]\d{6,14}$/.test(params.To ?? '') || params.To === INVALID_NUMBER)
      return answer(400, {
        code: 21211,
        message: `The 'To' number ${params.To} is not a valid phone number.`,
        more_info: 'https://www.twilio.com/docs/errors/21211',
        status: 400,
      });
    if (!params.From && !params.MessagingServiceSid)
      return answer(400, { code: 21603, message: "A 'From' phone number is required.", status: 400 });
    if (resource === 'Messages' && !params.Body)
      return answer(400, { code: 21602, message: 'Message body is required.', status: 400 });
    if (resource === 'Calls' && !params.Url && !params.Twiml)
      return answer(400, { code: 21205, message: 'Url parameter is required.', status: 400 });
    const record: FakeTwilioRecord = {
      sid: sid(resource === 'Messages' ? 'SM' : 'CA'),
      resource,
      params,
      ...(key ? { idempotencyKey: key } : {}),
      createdAt: new Date(),
    };
    created.push(record);
    if (key) byKey.set(key, record);
    answer(201, { sid: record.sid, account_sid: accountSid, status: 'queued', to: params.To, body: params.Body });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    created,
    messagesTo: (to) => created.filter((r) => r.resource === 'Messages' && r.params.To === to),
    webhook(url, params) {
      return {
        url,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          [TWILIO_SIGNATURE_HEADER]: twilioSignature(authToken, url, params),
        },
        rawBody: new URLSearchParams(params).toString(),
      };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Twilio's Messages or Calls list: newest first, filtered by `To` and `From`, dates in RFC 2822 as Twilio writes them. */
function listPage(created: FakeTwilioRecord[], resource: 'Messages' | 'Calls', search: string) {
  const query = new URLSearchParams(search);
  const records = created
    .filter((r) => r.resource === resource)
    .filter((r) => !query.get('To') || r.params.To === query.get('To'))
    .filter((r) => !query.get('From') || r.params.From === query.get('From'))
    .reverse()
    .map((r) => ({
      sid: r.sid,
      to: r.params.To,
      from: r.params.From ?? null,
      ...(resource === 'Messages'
        ? { messaging_service_sid: r.params.MessagingServiceSid ?? null, body: r.params.Body }
        : { direction: 'outbound-api' }),
      status: 'queued',
      date_created: r.createdAt.toUTCString().replace('GMT', '+0000'),
    }));
  const page = { page: 0, page_size: Number(query.get('PageSize') ?? 50), next_page_uri: null };
  return resource === 'Messages' ? { messages: records, ...page } : { calls: records, ...page };
}
