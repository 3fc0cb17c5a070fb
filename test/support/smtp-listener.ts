/** A real SMTP server (smtp-server) on loopback that keeps every message it accepts, and refuses chosen mailboxes with 550. */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  /** Envelope recipients, lower-cased. */
  to: string[];
  raw: string;
  headers: Record<string, string>;
  /** Decoded body parts by content type (text/plain, text/html). */
  parts: Record<string, string>;
}

export interface SmtpListener {
  host: string;
  port: number;
  received: ReceivedMail[];
  /** Mail to this address, waiting a little for it to arrive. */
  waitFor(address: string, count?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

/** Header name (lower-case) → value, with folded lines joined. */
function parseHeaders(block: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of block.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}

function decode(body: string, encoding = '7bit'): string {
  if (/base64/i.test(encoding)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/quoted-printable/i.test(encoding))
    return Buffer.from(
      body
        .replace(/=\r?\n/g, '')
        .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
      'latin1',
    ).toString('utf8');
  return body;
}

/** Leaf parts of a MIME entity, by content type: enough to check what a patient's mail client would show. */
function parts(entity: string, into: Record<string, string> = {}): Record<string, string> {
  const split = entity.indexOf('\r\n\r\n');
  const headers = parseHeaders(entity.slice(0, split));
  const body = entity.slice(split + 4);
  const type = headers['content-type'] ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (boundary) {
    for (const part of body.split(`--${boundary}`).slice(1)) {
      if (part.startsWith('--')) break;
      parts(part.replace(/^\r\n/, ''), into);
    }
  } else {
    into[type.split(';')[0].trim().toLowerCase()] = decode(body, headers['content-transfer-encoding']);
  }
  return into;
}

export async function startSmtpListener(refuse: string[] = []): Promise<SmtpListener> {
  const received: ReceivedMail[] = [];
  const refused = new Set(refuse.map((a) => a.toLowerCase()));
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (refused.has(address.address.toLowerCase())) {
        const error = new Error('5.1.1 Mailbox does not exist') as Error & { responseCode: number };
        error.responseCode = 550;
        return callback(error);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
          raw,
          headers: parseHeaders(raw.slice(0, raw.indexOf('\r\n\r\n'))),
          parts: parts(raw),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  const to = (address: string) => received.filter((m) => m.to.includes(address.toLowerCase()));
  return {
    host: '127.0.0.1',
    port,
    received,
    async waitFor(address, count = 1) {
      for (let i = 0; i < 100 && to(address).length < count; i++) await new Promise((r) => setTimeout(r, 50));
      return to(address);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
