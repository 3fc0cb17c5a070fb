/** Never lose work: a draft is saved whatever its problems, and two editors of one draft meet a clear conflict, not a silent overwrite. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type OpenedDatabase } from '../db/client.js';
import { ensureUser } from '../people/users.js';
import { ConnectorRegistry } from '../../connectors/sdk/registry.js';
import { createDevConnector } from '../../connectors/dev/dev-connector.js';
import { createApi } from './app.js';

const example = JSON.parse(
  readFileSync(new URL('../../examples/journeys/first-dose-check-in.journey.json', import.meta.url), 'utf8'),
);

let dir: string;
let database: OpenedDatabase;
let api: ReturnType<typeof createApi>;

async function login(email: string, password: string) {
  const response = await api.request('/api/sessions', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  expect(response.status).toBe(200);
  return response.headers.get('set-cookie')!.split(';')[0];
}

async function call(cookie: string, method: string, path: string, body?: unknown) {
  const response = await api.request(path, {
    method,
    headers: { 'content-type': 'application/json', cookie },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'carepath-drafts-'));
  database = await openDatabase(`file:${join(dir, 'drafts.db')}`);
  for (const [email, name] of [
    ['ana@example.org', 'Ana Author'],
    ['ben@example.org', 'Ben Builder'],
  ])
    await ensureUser(database.db, { email, name, password: 'correct horse', roles: ['program-manager'] });
  const connectors = new ConnectorRegistry().register(createDevConnector({ deliver: async () => 'unused' }));
  api = createApi({ db: database.db, connectors, temporal: () => undefined, temporalAddress: 'none' });
});

afterAll(() => {
  database.close();
  rmSync(dir, { recursive: true, force: true });
});

/** An assessment whose questionnaire is half written: an item without its text and type, answer options as a string. */
const halfWrittenAssessment = {
  type: 'assessment',
  title: 'Anxiety check',
  questionnaire: { resourceType: 'Questionnaire', status: 'draft', item: [{ linkId: 'q1', answerOption: 'todo' }] },
  delivery: 'sms',
  connector: 'dev',
  timeout: 'P2D',
  outputs: {},
};

describe('saving a draft', () => {
  it('keeps a structurally invalid draft exactly as left, names its problems, and refuses to snapshot it', async () => {
    const ana = await login('ana@example.org', 'correct horse');
    const created = await call(ana, 'POST', '/api/journeys', { name: 'Anxiety', document: example });
    const id = created.body.journey.id;
    const draft = { ...example, steps: { ...example.steps, anxiety: halfWrittenAssessment } };

    const saved = await call(ana, 'PUT', `/api/journeys/${id}/draft`, { document: draft });
    expect(saved.status).toBe(200);
    expect(saved.body.journey.problems.some((p: { stepId?: string }) => p.stepId === 'anxiety')).toBe(true);

    const reopened = await call(ana, 'GET', `/api/journeys/${id}`);
    expect(reopened.body.journey.draft.steps.anxiety).toEqual(halfWrittenAssessment);
    expect(reopened.body.journey.problems.length).toBeGreaterThan(0);

    const snapshot = await call(ana, 'POST', `/api/journeys/${id}/versions`);
    expect(snapshot.status).toBe(422);
    expect(snapshot.body.error.code).toBe('draft-has-problems');
    expect((await call(ana, 'GET', `/api/journeys/${id}`)).body.journey.versions).toEqual([]);
  });

  it('still refuses what is past the limits of a journey, and changes nothing', async () => {
    const ana = await login('ana@example.org', 'correct horse');
    const id = (await call(ana, 'POST', '/api/journeys', { name: 'Limits', document: example })).body.journey.id;
    let deep: Record<string, unknown> = {};
    const root = deep;
    for (let i = 0; i < 40; i++) deep = (deep.next = {}) as Record<string, unknown>;
    const refused = await call(ana, 'PUT', `/api/journeys/${id}/draft`, { document: { ...example, notes: root } });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/limits/);
    expect(refused.body.error.problems[0].message).toMatch(/nested deeper/);
    expect((await call(ana, 'GET', `/api/journeys/${id}`)).body.journey.draft.steps).toEqual(example.steps);
  });
});

describe('two people editing one draft', () => {
  it('refuses the stale save with 409 naming who saved last, keeps the first save, and accepts a save on the new revision', async () => {
    const ana = await login('ana@example.org', 'correct horse');
    const ben = await login('ben@example.org', 'correct horse');
    const created = await call(ana, 'POST', '/api/journeys', { name: 'Shared', document: example });
    const id = created.body.journey.id;
    const opened = created.body.journey.draftRevision;

    const anaSave = await call(ana, 'PUT', `/api/journeys/${id}/draft`, {
      document: { ...example, name: 'Shared (Ana)' },
      baseRevision: opened,
    });
    expect(anaSave.status).toBe(200);
    expect(anaSave.body.journey.draftRevision).toBe(opened + 1);

    const benSave = await call(ben, 'PUT', `/api/journeys/${id}/draft`, {
      document: { ...example, name: 'Shared (Ben)' },
      baseRevision: opened,
    });
    expect(benSave.status).toBe(409);
    expect(benSave.body.error.code).toBe('draft-conflict');
    expect(benSave.body.error.message).toContain('Ana Author saved this draft at');
    const after = await call(ben, 'GET', `/api/journeys/${id}`);
    expect(after.body.journey.draft.name).toBe('Shared (Ana)');

    const retry = await call(ben, 'PUT', `/api/journeys/${id}/draft`, {
      document: { ...example, name: 'Shared (Ben)' },
      baseRevision: after.body.journey.draftRevision,
    });
    expect(retry.status).toBe(200);
    expect(retry.body.journey.draft.name).toBe('Shared (Ben)');
  });
});
