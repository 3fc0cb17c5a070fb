import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { asc, eq } from 'drizzle-orm';
import { openDatabase, type OpenedDatabase } from '../../db/client.js';
import { verifyAudit } from '../../db/audit.js';
import { auditTrail } from '../../db/schema.js';
import { ensureUser } from '../../people/users.js';
import { ConnectorRegistry } from '../../../connectors/sdk/registry.js';
import { EncryptionCodec } from '../../temporal/codec.js';
import { staticKeyProvider } from '../../temporal/keys.js';
import { createApi } from '../app.js';

const uiOrigin = 'http://localhost:8233';
const codec = new EncryptionCodec(staticKeyProvider([{ id: 'k1', material: new Uint8Array(32).fill(9) }], 'k1'));
const toJson = ({ metadata, data }: Payload) => ({
  metadata: Object.fromEntries(Object.entries(metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')])),
  data: Buffer.from(data ?? []).toString('base64'),
});
const fromJson = ({ metadata, data }: { metadata: Record<string, string>; data: string }): Payload => ({
  metadata: Object.fromEntries(Object.entries(metadata).map(([k, v]) => [k, Buffer.from(v, 'base64')])),
  data: Buffer.from(data, 'base64'),
});

let dir: string;
let database: OpenedDatabase;
let api: ReturnType<typeof createApi>;
const cookies: Record<string, string> = {};
const userIds: Record<string, string> = {};

async function post(path: string, body: unknown, cookie = '', origin = uiOrigin, namespace = 'default') {
  return api.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin, 'x-namespace': namespace, cookie },
    body: JSON.stringify(body),
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'carepath-codec-'));
  database = await openDatabase(`file:${join(dir, 'api.db')}`);
  api = createApi({
    db: database.db,
    connectors: new ConnectorRegistry(),
    temporal: () => undefined,
    temporalAddress: 'none',
    payloadCodec: { codec, uiOrigins: [uiOrigin] },
  });
  for (const role of ['program-manager', 'care-team', 'admin', 'engineer', 'compliance-reviewer'] as const) {
    userIds[role] = await ensureUser(database.db, {
      email: `${role}@example.org`,
      name: role,
      password: 'pw-12345',
      roles: [role],
    });
    const login = await post('/api/sessions', { email: `${role}@example.org`, password: 'pw-12345' });
    expect(login.status).toBe(200);
    cookies[role] = login.headers.get('set-cookie')!.split(';')[0];
  }
});

afterAll(() => {
  database.close();
  rmSync(dir, { recursive: true, force: true });
});

async function sealedReply() {
  const [sealed] = await codec.encode([defaultPayloadConverter.toPayload({ text: 'my knee is swollen' })]);
  return { payloads: [toJson(sealed)] };
}

describe('the Temporal Web UI codec endpoint', () => {
  it('decodes for program managers and the care team, with CORS credentials for the UI origin', async () => {
    for (const role of ['program-manager', 'care-team'] as const) {
      const response = await post('/api/temporal-codec/decode', await sealedReply(), cookies[role]);
      expect(response.status).toBe(200);
      expect(response.headers.get('access-control-allow-origin')).toBe(uiOrigin);
      expect(response.headers.get('access-control-allow-credentials')).toBe('true');
      const { payloads } = await response.json();
      expect(defaultPayloadConverter.fromPayload(fromJson(payloads[0]))).toEqual({ text: 'my knee is swollen' });
    }
  });

  it('refuses anonymous callers, engineers, reviewers and admins', async () => {
    const body = await sealedReply();
    expect((await post('/api/temporal-codec/decode', body)).status).toBe(401);
    for (const role of ['engineer', 'compliance-reviewer', 'admin'] as const) {
      const refused = await post('/api/temporal-codec/decode', body, cookies[role]);
      expect(refused.status).toBe(403);
      expect(JSON.stringify(await refused.json())).not.toContain('knee');
    }
  });

  it('encodes what the UI sends, so the worker can read it', async () => {
    const plain = toJson(defaultPayloadConverter.toPayload({ reason: 'moved away' }));
    const response = await post('/api/temporal-codec/encode', { payloads: [plain] }, cookies['program-manager']);
    expect(response.status).toBe(200);
    const { payloads } = await response.json();
    expect(Buffer.from(payloads[0].data, 'base64').toString()).not.toContain('moved away');
    const [opened] = await codec.decode([fromJson(payloads[0])]);
    expect(defaultPayloadConverter.fromPayload(opened)).toEqual({ reason: 'moved away' });
  });

  it('answers the browser preflight for the UI origin only', async () => {
    const preflight = (origin: string) =>
      api.request('/api/temporal-codec/decode', {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type,x-namespace',
        },
      });
    const allowed = await preflight(uiOrigin);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(uiOrigin);
    expect(allowed.headers.get('access-control-allow-headers')).toMatch(/x-namespace/);
    expect((await preflight('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('says which payload it cannot open, and what is malformed', async () => {
    const [sealed] = await codec.encode([defaultPayloadConverter.toPayload('x')]);
    const foreign = toJson({ ...sealed, metadata: { ...sealed.metadata, 'encryption-key-id': Buffer.from('old') } });
    const plain = toJson(defaultPayloadConverter.toPayload('y'));
    const unknownKey = await post('/api/temporal-codec/decode', { payloads: [plain, foreign] }, cookies['care-team']);
    expect(unknownKey.status).toBe(422);
    expect((await unknownKey.json()).error.message).toMatch(/^\/payloads\/1: .*key "old"/);
    const malformed = await post(
      '/api/temporal-codec/decode',
      { payloads: [{ data: 'not base64!' }] },
      cookies['care-team'],
    );
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).error.message).toContain('/payloads/0/data');
  });

  it('puts every decode on the audit trail: who, when, the namespace and how many payloads, never their contents', async () => {
    const decodes = () =>
      database.db
        .select()
        .from(auditTrail)
        .where(eq(auditTrail.action, 'temporal-codec.decoded'))
        .orderBy(asc(auditTrail.seq));
    const before = await decodes();
    const [second] = await codec.encode([defaultPayloadConverter.toPayload({ diagnosis: 'psoriasis' })]);
    const body = { payloads: [...(await sealedReply()).payloads, toJson(second)] };
    const startedAt = new Date().toISOString();
    const decoded = await post('/api/temporal-codec/decode', body, cookies['care-team'], uiOrigin, 'carepath-prod');
    expect(decoded.status).toBe(200);

    const added = (await decodes()).slice(before.length);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({
      actor: userIds['care-team'],
      entityType: 'temporal-namespace',
      entityId: 'carepath-prod',
      data: { payloads: 2 },
    });
    expect(added[0].at >= startedAt).toBe(true);
    // Neither the clear text nor the ciphertext the UI sent is kept.
    const row = JSON.stringify(added[0]);
    for (const secret of ['knee', 'psoriasis', body.payloads[0].data, body.payloads[1].data])
      expect(row).not.toContain(secret);
    expect(await verifyAudit(database.db)).toMatchObject({ ok: true });
  });

  it('records nothing for a decode that was refused or failed, or for an encode', async () => {
    const before = (await database.db.select().from(auditTrail)).length;
    const body = await sealedReply();
    expect((await post('/api/temporal-codec/decode', body)).status).toBe(401);
    expect((await post('/api/temporal-codec/decode', body, cookies.engineer)).status).toBe(403);
    const badNamespace = await post('/api/temporal-codec/decode', body, cookies['care-team'], uiOrigin, 'a b');
    expect(badNamespace.status).toBe(400);
    expect((await badNamespace.json()).error.message).toContain('x-namespace');
    const unreadable = { payloads: [{ ...body.payloads[0], data: Buffer.from('tampered').toString('base64') }] };
    expect((await post('/api/temporal-codec/decode', unreadable, cookies['care-team'])).status).toBe(422);
    const plain = toJson(defaultPayloadConverter.toPayload({ reason: 'moved away' }));
    expect((await post('/api/temporal-codec/encode', { payloads: [plain] }, cookies['care-team'])).status).toBe(200);
    expect(await database.db.select().from(auditTrail)).toHaveLength(before);
  });
});
