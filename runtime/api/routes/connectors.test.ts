/** Connector instances through the API: engineers and admins only, secrets sealed and never answered, blanks keep them, tests reach the provider. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { useApiFixture } from '../../people/api-fixture.test-support.js';
import { auditRecords } from '../../db/audit-export.js';
import { journeys, versions } from '../../db/schema.js';
import { createWebhookApp } from './webhooks.js';
import {
  FAKE_ACCOUNT_SID,
  INVALID_NUMBER,
  startFakeTwilio,
  type FakeTwilio,
} from '../../../test/support/fake-twilio.js';

const f = useApiFixture();
const TOKEN = 'clinic-token-7f3a9c2e5b1d4f60';
let twilio: FakeTwilio;
let engineer: string;

beforeAll(async () => {
  twilio = await startFakeTwilio(FAKE_ACCOUNT_SID, TOKEN);
  engineer = await f.login(f.emailOf('engineer'));
});
afterAll(() => twilio?.close());

const twilioSettings = (overrides: Record<string, unknown> = {}) => ({
  accountSid: FAKE_ACCOUNT_SID,
  authToken: TOKEN,
  from: '+15550001111',
  baseUrl: twilio.baseUrl,
  ...overrides,
});

const create = (id: string, settings: Record<string, unknown>, cookie = engineer) =>
  f.call('POST', '/api/connector-instances', {
    cookie,
    body: { id, type: 'twilio-sms', name: `Clinic SMS (${id})`, settings },
  });

describe('connector instances API', () => {
  it('lists the connector types with their settings JSON Schema and which fields are secret', async () => {
    const answer = await f.call('GET', '/api/connector-types', { cookie: engineer });
    expect(answer.status).toBe(200);
    const sms = answer.body.types.find((t: { id: string }) => t.id === 'twilio-sms');
    expect(sms.secretFields).toEqual(['authToken']);
    expect(sms.settingsSchema.properties.accountSid.type).toBe('string');
    expect(answer.body.types.find((t: { id: string }) => t.id === 'smtp-email').secretFields).toEqual([
      'password',
      'unsubscribeSecret',
    ]);
  });

  it('saves an instance with its secret sealed: never in an answer, the raw row or the audit trail', async () => {
    const created = await create('clinic-sms', twilioSettings());
    expect(created.status).toBe(201);
    expect(created.body.instance).toMatchObject({
      id: 'clinic-sms',
      type: 'twilio-sms',
      source: 'database',
      editable: true,
      secrets: { authToken: 'set' },
      settings: { accountSid: FAKE_ACCOUNT_SID, from: '+15550001111' },
      webhookPath: '/webhooks/clinic-sms',
    });
    expect(created.text).not.toContain(TOKEN);
    const listed = await f.call('GET', '/api/connector-instances', { cookie: engineer });
    expect(listed.text).not.toContain(TOKEN);
    expect(listed.body.instances.map((i: { id: string; source: string }) => `${i.id}:${i.source}`)).toEqual([
      'dev:built-in',
      'clinic-sms:database',
    ]);

    const raw = await f.database.db.all<Record<string, unknown>>(sql`select * from connector_instances`);
    expect(raw).toHaveLength(1);
    expect(JSON.stringify(raw)).not.toContain(TOKEN);
    expect(JSON.stringify(raw)).not.toContain(TOKEN.slice(6, 20));
    expect(raw[0].secrets).toMatch(/^v1\./);

    const audit = await auditRecords(f.database.db, { entityId: 'clinic-sms' });
    expect(audit.map((r) => r.action)).toEqual(['connector.created']);
    expect(audit[0].actor).toBe(f.userIds.engineer);
    expect(JSON.stringify(audit)).not.toContain(TOKEN);
  });

  it('puts a saved instance to work at once: journeys can name it, the registry sends with it', async () => {
    const catalogue = await f.call('GET', '/api/connectors', { cookie: await f.login(f.emailOf('program-manager')) });
    expect(catalogue.body.connectors).toContainEqual(
      expect.objectContaining({ id: 'clinic-sms', type: 'twilio-sms', channels: ['sms'] }),
    );
    expect(f.connectors.get('clinic-sms')?.settings).toMatchObject({ authToken: TOKEN });
  });

  it('keeps a stored secret when the field is left blank, and replaces it when one is typed', async () => {
    const kept = await f.call('PUT', '/api/connector-instances/clinic-sms', {
      cookie: engineer,
      body: { name: 'Clinic SMS', settings: twilioSettings({ authToken: '', from: '+15550002222' }) },
    });
    expect(kept.status).toBe(200);
    expect(kept.body.instance).toMatchObject({ name: 'Clinic SMS', secrets: { authToken: 'set' } });
    expect(f.connectors.get('clinic-sms')?.settings).toMatchObject({ authToken: TOKEN, from: '+15550002222' });

    const replaced = await f.call('PUT', '/api/connector-instances/clinic-sms', {
      cookie: engineer,
      body: { settings: twilioSettings({ authToken: 'another-token-0123456789' }) },
    });
    expect(replaced.status).toBe(200);
    expect(replaced.text).not.toContain('another-token');
    expect(f.connectors.get('clinic-sms')?.settings).toMatchObject({ authToken: 'another-token-0123456789' });
    const audit = await auditRecords(f.database.db, { entityId: 'clinic-sms' });
    expect(audit.filter((r) => r.action === 'connector.updated').map((r) => r.data)).toEqual([
      { name: { from: 'Clinic SMS (clinic-sms)', to: 'Clinic SMS' }, fields: ['from'], secrets: [] },
      { fields: ['from'], secrets: ['authToken'] },
    ]);
    expect(JSON.stringify(audit)).not.toContain('another-token');
    // Back to the token the fake provider knows, for the tests below.
    await f.call('PUT', '/api/connector-instances/clinic-sms', {
      cookie: engineer,
      body: { settings: twilioSettings() },
    });
  });

  it('takes webhooks at /webhooks/<instance id>, verified with the saved token', async () => {
    const webhooks = createWebhookApp({
      db: f.database.db,
      connectors: f.connectors,
      temporal: () => undefined,
      publicUrl: 'https://carepath.example.org',
    });
    const post = (request: { headers: Record<string, string>; rawBody: string }) =>
      webhooks.request('/webhooks/clinic-sms', { method: 'POST', headers: request.headers, body: request.rawBody });
    const report = { MessageSid: `SM${'4'.repeat(32)}`, MessageStatus: 'delivered' };
    const signed = twilio.webhook('https://carepath.example.org/webhooks/clinic-sms', report);
    expect((await post(signed)).status).toBe(200);
    const forged = { ...signed, rawBody: signed.rawBody.replace('delivered', 'undelivered') };
    expect((await post(forged)).status).toBe(403);
  });

  it('refuses bad input naming the field, and changes nothing', async () => {
    const cases: Array<[string, Record<string, unknown>, number, RegExp]> = [
      [
        'bad-sid',
        { type: 'twilio-sms', name: 'x', settings: twilioSettings({ accountSid: 'nope' }) },
        400,
        /\/settings\/accountSid: must be a Twilio account SID/,
      ],
      [
        'no-token',
        { type: 'twilio-sms', name: 'x', settings: twilioSettings({ authToken: '' }) },
        400,
        /\/settings\/authToken/,
      ],
      [
        'Bad Id',
        { type: 'twilio-sms', name: 'x', settings: twilioSettings() },
        400,
        /\/id: must be 2–63 lower-case letters/,
      ],
      [
        'no-type',
        { type: 'carrier-pigeon', name: 'x', settings: {} },
        400,
        /\/type: there is no connector type "carrier-pigeon"/,
      ],
      ['dev', { type: 'twilio-sms', name: 'x', settings: twilioSettings() }, 409, /exists already/],
      ['clinic-sms', { type: 'twilio-sms', name: 'x', settings: twilioSettings() }, 409, /exists already/],
    ];
    for (const [id, body, status, message] of cases) {
      const answer = await f.call('POST', '/api/connector-instances', { cookie: engineer, body: { id, ...body } });
      expect(answer.status, id).toBe(status);
      expect(answer.body.error.message, id).toMatch(message);
    }
    const bad = await create('bad-sid', twilioSettings({ accountSid: 'nope' }));
    expect(bad.body.error.problems).toContainEqual(expect.objectContaining({ pointer: '/settings/accountSid' }));
    const unchanged = await f.call('PUT', '/api/connector-instances/clinic-sms', {
      cookie: engineer,
      body: { settings: twilioSettings({ from: '555' }) },
    });
    expect(unchanged.status).toBe(400);
    expect(unchanged.body.error.message).toMatch(/\/settings\/from: must be an E\.164 phone number/);
    expect(f.connectors.get('clinic-sms')?.settings).toMatchObject({ from: '+15550001111' });
    const ids = (await f.call('GET', '/api/connector-instances', { cookie: engineer })).body.instances.map(
      (i: { id: string }) => i.id,
    );
    expect(ids).toEqual(['dev', 'clinic-sms']);
    const builtIn = await f.call('PUT', '/api/connector-instances/dev', { cookie: engineer, body: { settings: {} } });
    expect(builtIn.status).toBe(409);
    expect(builtIn.body.error.message).toMatch(/configuration \(or is built in\)/);
  });

  it('admits engineers and admins only', async () => {
    const admin = await f.login(f.emailOf('admin'));
    expect((await f.call('GET', '/api/connector-instances', { cookie: admin })).status).toBe(200);
    for (const role of ['program-manager', 'care-team', 'compliance-reviewer'] as const) {
      const cookie = await f.login(f.emailOf(role));
      expect((await f.call('GET', '/api/connector-instances', { cookie })).status, role).toBe(403);
      expect((await create('sneaky', twilioSettings(), cookie)).status, role).toBe(403);
    }
    expect((await f.call('GET', '/api/connector-instances')).status).toBe(401);
  });

  it("sends a test message through the provider, and shows the provider's refusal word for word", async () => {
    const sent = await f.call('POST', '/api/connector-instances/clinic-sms/test-messages', {
      cookie: engineer,
      body: { to: '(555) 010-9999', body: 'Hello from the Connectors screen' },
    });
    expect(sent.status).toBe(200);
    expect(sent.body.result).toMatchObject({ ok: true, providerMessageId: expect.stringMatching(/^SM/) });
    expect(twilio.messagesTo('+15550109999').map((m) => m.params.Body)).toEqual(['Hello from the Connectors screen']);

    const refused = await f.call('POST', '/api/connector-instances/clinic-sms/test-messages', {
      cookie: engineer,
      body: { to: INVALID_NUMBER },
    });
    expect(refused.body.result.ok).toBe(false);
    expect(refused.body.result.error).toMatch(/21211/);

    const wrongToken = await create('wrong-token', twilioSettings({ authToken: 'not-the-right-token-000' }));
    expect(wrongToken.status).toBe(201);
    const unauthenticated = await f.call('POST', '/api/connector-instances/wrong-token/test-messages', {
      cookie: engineer,
      body: { to: '+15550109999' },
    });
    expect(unauthenticated.body.result).toMatchObject({
      ok: false,
      error: expect.stringMatching(/20003|Authenticate/),
    });

    const badAddress = await f.call('POST', '/api/connector-instances/clinic-sms/test-messages', {
      cookie: engineer,
      body: { to: 'not a number' },
    });
    expect(badAddress.status).toBe(400);
    expect(badAddress.body.error.message).toMatch(/^\/to: "not a number" is not a phone number/);

    const listed = await f.call('GET', '/api/connector-instances/clinic-sms', { cookie: engineer });
    expect(listed.body.instance.lastTest).toMatchObject({ ok: false });
    const audit = await auditRecords(f.database.db, { entityId: 'clinic-sms' });
    expect(audit.filter((r) => r.action === 'connector.test-sent').map((r) => (r.data as { ok: boolean }).ok)).toEqual([
      true,
      false,
    ]);
    expect(JSON.stringify(audit)).not.toContain(INVALID_NUMBER);
  });

  it('limits each person to 10 test messages in 10 minutes: the next is refused, saying when to try again, and never sent', async () => {
    const admin = await f.login(f.emailOf('admin'));
    const sendTest = (cookie: string) =>
      f.call('POST', '/api/connector-instances/clinic-sms/test-messages', {
        cookie,
        body: { to: '+15550108888', body: 'Limit check' },
      });
    for (let i = 0; i < 10; i++) expect((await sendTest(admin)).status, `test message ${i + 1}`).toBe(200);
    const limited = await sendTest(admin);
    expect(limited.status).toBe(429);
    expect(limited.body.error.message).toMatch(
      /^You sent 10 test messages in the last 10 minutes; wait \d+ second\(s\) before sending another\.$/,
    );
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(500);
    expect(twilio.messagesTo('+15550108888')).toHaveLength(10);
    // Somebody else setting a connector up is not held back.
    expect((await sendTest(engineer)).status).toBe(200);
  });

  it('holds the limit for test messages sent all at once', async () => {
    const taken = (await auditRecords(f.database.db, {})).filter(
      (r) => r.action === 'connector.test-requested' && r.actor === f.userIds.engineer,
    ).length;
    expect(taken).toBeGreaterThan(0);
    const answers = await Promise.all(
      Array.from({ length: 15 }, () =>
        f.call('POST', '/api/connector-instances/clinic-sms/test-messages', {
          cookie: engineer,
          body: { to: '+15550107777', body: 'At once' },
        }),
      ),
    );
    // Exactly what was left of the engineer's ten went out; the rest were refused and never reached Twilio.
    expect(answers.filter((a) => a.status === 200)).toHaveLength(10 - taken);
    expect(answers.filter((a) => a.status === 429)).toHaveLength(5 + taken);
    expect(twilio.messagesTo('+15550107777')).toHaveLength(10 - taken);
  });

  it('refuses to delete an instance a published version sends through; deletes it once nothing uses it', async () => {
    const db = f.database.db;
    await db.insert(journeys).values({
      id: 'jrn_conn',
      name: 'Refill reminders',
      draft: {},
      createdBy: f.userIds['program-manager'],
      updatedAt: new Date().toISOString(),
    });
    const document = { steps: { remind: { type: 'message', channel: 'sms', connector: 'clinic-sms' } } };
    await db.insert(versions).values({
      id: 'ver_conn',
      journeyId: 'jrn_conn',
      number: 1,
      document,
      contentHash: 'x',
      status: 'published',
      createdBy: f.userIds['program-manager'],
    });
    const refused = await f.call('DELETE', '/api/connector-instances/clinic-sms', { cookie: engineer });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/"Refill reminders" version 1 \(published\)/);
    expect(f.connectors.get('clinic-sms')).toBeDefined();

    await db
      .update(versions)
      .set({ status: 'retired' })
      .where(sql`id = 'ver_conn'`);
    expect((await f.call('DELETE', '/api/connector-instances/clinic-sms', { cookie: engineer })).status).toBe(204);
    expect(f.connectors.get('clinic-sms')).toBeUndefined();
    expect((await f.call('GET', '/api/connector-instances/clinic-sms', { cookie: engineer })).status).toBe(404);
    const audit = await auditRecords(db, { entityId: 'clinic-sms' });
    expect(audit.at(-1)).toMatchObject({ action: 'connector.deleted', actor: f.userIds.engineer });
  });
});
