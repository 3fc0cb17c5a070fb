import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type OpenedDatabase } from '../db/client.js';
import { ensureUser } from '../people/users.js';
import { ConnectorRegistry } from '../../connectors/sdk/registry.js';
import { createDevConnector } from '../../connectors/dev/dev-connector.js';
import { verifyAudit } from '../db/audit.js';
import { enrollments } from '../db/schema.js';
import { createApi } from './app.js';
import { approveVersion } from '../../test/support/review.js';

const example = JSON.parse(
  readFileSync(new URL('../../examples/journeys/first-dose-check-in.journey.json', import.meta.url), 'utf8'),
);

let dir: string;
let database: OpenedDatabase;
let api: ReturnType<typeof createApi>;
let cookie = '';

async function call(method: string, path: string, body?: unknown, raw?: string) {
  const response = await api.request(path, {
    method,
    headers: { 'content-type': 'application/json', cookie },
    body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'carepath-api-'));
  database = await openDatabase(`file:${join(dir, 'api.db')}`);
  await ensureUser(database.db, {
    email: 'pm@example.org',
    name: 'Pat Manager',
    password: 'correct horse',
    roles: ['program-manager'],
  });
  await ensureUser(database.db, {
    email: 'nurse@example.org',
    name: 'Nora Nurse',
    password: 'battery staple',
    roles: ['care-team'],
  });
  const connectors = new ConnectorRegistry().register(createDevConnector({ deliver: async () => 'unused' }), {
    undeliverablePrefix: '+1555000',
  });
  // No Temporal here: these tests cover everything that must be refused or recorded before a workflow is involved.
  api = createApi({ db: database.db, connectors, temporal: () => undefined, temporalAddress: 'none' });
});

afterAll(() => {
  database.close();
  rmSync(dir, { recursive: true, force: true });
});

async function loginAs(email: string, password: string) {
  cookie = '';
  const response = await call('POST', '/api/sessions', { email, password });
  expect(response.status).toBe(200);
  cookie = response.headers.get('set-cookie')!.split(';')[0];
}

describe('sessions and roles', () => {
  it('refuses a wrong password and any route without a session', async () => {
    expect((await call('POST', '/api/sessions', { email: 'pm@example.org', password: 'nope' })).status).toBe(401);
    expect((await call('GET', '/api/journeys')).status).toBe(401);
  });

  it('lets a care-team user list patients but not create journeys', async () => {
    await loginAs('nurse@example.org', 'battery staple');
    expect((await call('GET', '/api/patients')).status).toBe(200);
    const refused = await call('POST', '/api/journeys', { name: 'Nope' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain('program-manager');
  });
});

describe('journeys, drafts and versions', () => {
  let journeyId: string;

  it('creates a journey from a document and reports it valid', async () => {
    await loginAs('pm@example.org', 'correct horse');
    const created = await call('POST', '/api/journeys', { name: 'First dose', document: example });
    expect(created.status).toBe(201);
    journeyId = created.body.journey.id;
    expect(created.body.journey.problems).toEqual([]);
    expect(created.body.journey.draft.steps.welcome.type).toBe('message');
  });

  it('refuses malformed JSON with a 4xx and changes nothing; keeps an unknown step type with its problem named', async () => {
    const malformed = await call('PUT', `/api/journeys/${journeyId}/draft`, undefined, '{"document": {');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message).toMatch(/not valid JSON/);
    expect((await call('GET', `/api/journeys/${journeyId}`)).body.journey.draft.steps.welcome.type).toBe('message');
    // Never lose work: a structurally wrong draft is saved as left, its problem named, and put right by the next save.
    const unknown = await call('PUT', `/api/journeys/${journeyId}/draft`, {
      document: { ...example, steps: { ...example.steps, welcome: { ...example.steps.welcome, type: 'fax' } } },
    });
    expect(unknown.status).toBe(200);
    expect(unknown.body.journey.problems[0]).toMatchObject({ pointer: '/steps/welcome/type', stepId: 'welcome' });
    expect(unknown.body.journey.draft.steps.welcome.type).toBe('fax');
    expect((await call('PUT', `/api/journeys/${journeyId}/draft`, { document: example })).status).toBe(200);
  });

  it('saves a draft with graph problems but refuses to snapshot it', async () => {
    const broken = structuredClone(example);
    delete broken.steps['ask-first-dose'].outputs.timeout;
    const saved = await call('PUT', `/api/journeys/${journeyId}/draft`, { document: broken });
    expect(saved.status).toBe(200);
    expect(saved.body.journey.problems.map((p: { code: string }) => p.code)).toContain('graph.unconnected-output');
    const snapshot = await call('POST', `/api/journeys/${journeyId}/versions`);
    expect(snapshot.status).toBe(422);
    expect(snapshot.body.error.problems.some((p: { stepId?: string }) => p.stepId === 'ask-first-dose')).toBe(true);
    expect((await call('GET', `/api/journeys/${journeyId}`)).body.journey.versions).toEqual([]);
  });

  it('snapshots an immutable version, publishes it once, and keeps it unchanged when the draft moves on', async () => {
    await call('PUT', `/api/journeys/${journeyId}/draft`, { document: example });
    const snapshot = await call('POST', `/api/journeys/${journeyId}/versions`);
    expect(snapshot.status).toBe(201);
    const version = snapshot.body.version;
    expect(version).toMatchObject({ number: 1, status: 'snapshot' });
    expect(version.contentHash).toMatch(/^jcs-sha256:[0-9a-f]{64}$/);

    // Only an approved version publishes: submitted, then signed by the three disciplines.
    const unapproved = await call('POST', `/api/versions/${version.id}/publish`);
    expect([unapproved.status, unapproved.body.error.code]).toEqual([409, 'version-not-approved']);
    await approveVersion(database.db, version.id, (await call('GET', '/api/sessions/current')).body.user.id);
    const published = await call('POST', `/api/versions/${version.id}/publish`);
    expect(published.body.version.status).toBe('published');
    expect((await call('POST', `/api/versions/${version.id}/publish`)).status).toBe(409);

    await call('PUT', `/api/journeys/${journeyId}/draft`, {
      document: { ...example, steps: { ...example.steps, welcome: { ...example.steps.welcome, template: 'Changed' } } },
    });
    const frozen = await call('GET', `/api/versions/${version.id}`);
    expect(frozen.body.version.document.steps.welcome.template).toBe(example.steps.welcome.template);
    expect(frozen.body.version.contentHash).toBe(version.contentHash);
  });

  it('refuses to enroll in a version that is not published, and a reply from a patient with no enrollment', async () => {
    const second = await call('POST', `/api/journeys/${journeyId}/versions`);
    const patient = await call('POST', '/api/patients', {
      name: 'Ada Lovelace',
      phone: '+15551234567',
      timeZone: 'America/New_York',
      test: true,
    });
    expect(patient.status).toBe(201);
    const refused = await call('POST', '/api/enrollments', {
      versionId: second.body.version.id,
      patientId: patient.body.patient.id,
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain('only a published version');
    const reply = await call('POST', `/api/inbox/${patient.body.patient.id}/replies`, { text: '1' });
    expect(reply.status).toBe(409);
    expect(reply.body.error.message).toContain('no running enrollment');
    expect((await call('GET', '/api/enrollments')).body.enrollments).toEqual([]);
  });

  it('honours STOP at once: the opt-out is recorded even with nothing running, and nothing is lost', async () => {
    const patient = await call('POST', '/api/patients', {
      name: 'Stop Person',
      phone: '+15557770000',
      timeZone: 'America/Denver',
      test: true,
    });
    const stop = await call('POST', `/api/inbox/${patient.body.patient.id}/replies`, { text: ' Stop ' });
    expect(stop.status).toBe(202);
    expect(stop.body).toMatchObject({ optedOut: true, enrollmentIds: [] });
    const inbox = await call('GET', `/api/inbox/${patient.body.patient.id}`);
    expect(inbox.body.messages).toEqual([expect.objectContaining({ direction: 'inbound', body: 'Stop' })]);
  });

  it('rejects a patient with a bad phone and time zone, naming both fields', async () => {
    const bad = await call('POST', '/api/patients', { name: 'Bad', phone: '555', timeZone: 'Mars/Olympus' });
    expect(bad.status).toBe(400);
    const pointers = bad.body.error.problems.map((p: { pointer: string }) => p.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['/phone', '/timeZone']));
  });

  it('records every state change in a verifiable audit chain', async () => {
    const verdict = await verifyAudit(database.db);
    expect(verdict.ok).toBe(true);
    expect(verdict.rows).toBeGreaterThan(4);
  });
});

describe('events for an enrollment', () => {
  it('refuses an undeclared event and a payload that does not fit the declaration, naming the field', async () => {
    await loginAs('pm@example.org', 'correct horse');
    const refill = JSON.parse(
      readFileSync(new URL('../../examples/journeys/pharmacy-refill.journey.json', import.meta.url), 'utf8'),
    );
    const journey = (await call('POST', '/api/journeys', { name: 'Refill', document: refill })).body.journey;
    const version = (await call('POST', `/api/journeys/${journey.id}/versions`)).body.version;
    await approveVersion(database.db, version.id, (await call('GET', '/api/sessions/current')).body.user.id);
    await call('POST', `/api/versions/${version.id}/publish`);
    const patient = (
      await call('POST', '/api/patients', { name: 'Event Person', phone: '+15557770001', timeZone: 'America/Chicago' })
    ).body.patient;
    // The row a started enrollment has; these refusals happen before Temporal is asked anything.
    await database.db.insert(enrollments).values({
      id: 'enr_events',
      journeyId: journey.id,
      versionId: version.id,
      patientId: patient.id,
      workflowId: 'enrollment-events-test',
      status: 'running',
      startedAt: new Date().toISOString(),
    });
    const undeclared = await call('POST', '/api/enrollments/enr_events/events', { name: 'refill.lost' });
    expect(undeclared.status).toBe(422);
    expect(undeclared.body.error.message).toContain('refill.picked-up');
    const wrongType = await call('POST', '/api/enrollments/enr_events/events', {
      name: 'refill.picked-up',
      payload: { pharmacy: 3, store: 'x' },
    });
    expect(wrongType.status).toBe(422);
    expect(wrongType.body.error.problems.map((p: { pointer: string }) => p.pointer)).toEqual([
      '/payload/pharmacy',
      '/payload/store',
    ]);
  });
});

describe('OpenAPI', () => {
  it('serves the document and a reference page without a session', async () => {
    cookie = '';
    const doc = await call('GET', '/api/openapi.json');
    expect(doc.status).toBe(200);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/api/journeys', '/api/enrollments', '/api/inbox/{patientId}/replies']),
    );
    const page = await api.request('/api/reference');
    expect(await page.text()).toContain('swagger-ui-bundle.js');
  });
});
