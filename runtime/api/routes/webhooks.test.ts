/** The webhook routes in-process on a real libsql file: unknown connectors, missing signatures, oversized bodies, unknown senders. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openDatabase, type OpenedDatabase } from '../../db/client.js';
import { addressOptOuts, messages } from '../../db/schema.js';
import { ConnectorRegistry } from '../../../connectors/sdk/index.js';
import { createDevConnector } from '../../../connectors/dev/dev-connector.js';
import { createTwilioSmsConnector } from '../../../connectors/twilio/twilio-sms.js';
import { twilioSignature } from '../../../connectors/twilio/signature.js';
import { createWebhookApp } from './webhooks.js';

const token = 't'.repeat(32);
let dir: string;
let database: OpenedDatabase;
let app: ReturnType<typeof createWebhookApp>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'carepath-webhooks-'));
  database = await openDatabase(`file:${join(dir, 'test.db')}`);
  const connectors = new ConnectorRegistry()
    .register(createDevConnector({ deliver: async () => 'unused' }), {})
    .register(createTwilioSmsConnector(), {
      accountSid: `AC${'1'.repeat(32)}`,
      authToken: token,
      from: '+15017122661',
    });
  app = createWebhookApp({
    db: database.db,
    connectors,
    temporal: () => undefined,
    publicUrl: 'https://carepath.example.org',
  });
});

afterAll(() => {
  database.close();
  rmSync(dir, { recursive: true, force: true });
});

const form = (params: Record<string, string>, signature?: string) => ({
  method: 'POST',
  headers: {
    'content-type': 'application/x-www-form-urlencoded',
    ...(signature ? { 'x-twilio-signature': signature } : {}),
  },
  body: new URLSearchParams(params).toString(),
});

it('answers 404 for a connector that is not installed, 403 for the development channel without a webhook secret', async () => {
  expect((await app.request('/webhooks/pager', form({}))).status).toBe(404);
  // The development channel without a webhook secret takes replies only through the designer's inbox.
  const dev = await app.request('/webhooks/dev', { method: 'POST', body: '{"from":"+15550100401","body":"1"}' });
  expect(dev.status).toBe(403);
});

it('refuses an unsigned or wrongly signed webhook with 403 and stores nothing', async () => {
  const params = { From: '+15550100401', Body: 'STOP', MessageSid: `SM${'2'.repeat(32)}` };
  expect((await app.request('/webhooks/twilio-sms', form(params))).status).toBe(403);
  const signedForElsewhere = twilioSignature(token, 'https://attacker.example.org/webhooks/twilio-sms', params);
  const refused = await app.request('/webhooks/twilio-sms', form(params, signedForElsewhere));
  expect(refused.status).toBe(403);
  expect((await refused.json()).error.code).toBe('bad-signature');
  expect(await database.db.select().from(messages)).toEqual([]);
  expect(await database.db.select().from(addressOptOuts)).toEqual([]);
});

it('keeps a STOP from a number no patient has, so it is honoured if the number is added later', async () => {
  const params = { From: '+15550100402', Body: 'stop', MessageSid: `SM${'3'.repeat(32)}` };
  const signature = twilioSignature(token, 'https://carepath.example.org/webhooks/twilio-sms', params);
  // Replies need the workflow service; STOP from an unknown number is answered without it only once it is up.
  const unavailable = await app.request('/webhooks/twilio-sms', form(params, signature));
  expect(unavailable.status).toBe(503);
  const up = createWebhookApp({
    db: database.db,
    connectors: new ConnectorRegistry().register(createTwilioSmsConnector(), {
      accountSid: `AC${'1'.repeat(32)}`,
      authToken: token,
      from: '+15017122661',
    }),
    temporal: () => ({ client: undefined as never, taskQueue: 'unused' }),
    publicUrl: 'https://carepath.example.org',
  });
  const answered = await up.request('/webhooks/twilio-sms', form(params, signature));
  expect(answered.status).toBe(200);
  expect(answered.headers.get('content-type')).toContain('text/xml');
  const [optOut] = await database.db.select().from(addressOptOuts).where(eq(addressOptOuts.address, '+15550100402'));
  expect(optOut).toMatchObject({ kind: 'phone', keyword: 'stop', connector: 'twilio-sms' });
});

it('refuses a body larger than a webhook can be', async () => {
  const big = await app.request('/webhooks/twilio-sms', form({ Body: 'x'.repeat(70_000) }));
  expect(big.status).toBe(413);
});
