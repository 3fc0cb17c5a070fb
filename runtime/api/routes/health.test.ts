import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type OpenedDatabase } from '../../db/client.js';
import { ensureUser } from '../../people/users.js';
import { ConnectorRegistry } from '../../../connectors/sdk/registry.js';
import { createApi } from '../app.js';

let dir: string;
let database: OpenedDatabase;
let api: ReturnType<typeof createApi>;
let cookie: string;
const internalAddress = '10.0.3.7:7233';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'carepath-health-'));
  database = await openDatabase(`file:${join(dir, 'api.db')}`);
  // Temporal is not connected: the process is live, not ready.
  api = createApi({
    db: database.db,
    connectors: new ConnectorRegistry(),
    temporal: () => undefined,
    temporalAddress: internalAddress,
  });
  await ensureUser(database.db, { email: 'eng@example.org', name: 'Eng', password: 'pw-123456', roles: ['engineer'] });
  const login = await api.request('/api/sessions', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'eng@example.org', password: 'pw-123456' }),
  });
  cookie = login.headers.get('set-cookie')!.split(';')[0];
});

afterAll(() => {
  database.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = (path: string, headers: Record<string, string> = {}) => api.request(path, { headers });

describe('health', () => {
  it('is live whenever the process answers, and not ready without Temporal and a polling worker', async () => {
    const live = await get('/api/health/live');
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ live: true });
    const ready = await get('/api/health/ready');
    expect(ready.status).toBe(503);
    expect((await ready.json()).error).toMatchObject({ code: 'not-ready' });
    const report = await (await get('/api/health')).json();
    expect(report).toMatchObject({ status: 'degraded', live: true, ready: false, database: { ok: true } });
    expect(report.worker.ok).toBe(false);
  });

  it("shows Temporal's address and error details to logged-in users only", async () => {
    const anonymous = await (await get('/api/health')).text();
    expect(anonymous).not.toContain(internalAddress);
    expect(anonymous).not.toContain('10.0.3.7');
    expect(await (await get('/api/health/ready')).text()).not.toContain('10.0.3.7');
    const staff = await (await get('/api/health', { cookie })).json();
    expect(staff.temporal).toMatchObject({ ok: false, address: internalAddress, error: 'not connected' });
  });
});
