import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { enrollments } from '../db/schema.js';
import { answerValidator, nameOf, operationsOf, type OpenApiDocument } from './contract.js';
import { startTestApi, type TestApi } from './testing.js';
import type { ErrorBody } from './schemas/error.js';
import type { Health } from './schemas/health.js';
import type { User } from './schemas/session.js';
import type { Connector } from './schemas/connector.js';
import type { Journey, JourneySummary } from './schemas/journey.js';
import type { Version, VersionWithDocument } from './schemas/version.js';
import type { Patient } from './schemas/patient.js';
import type { Inbox, ReplyOutcome } from './schemas/inbox.js';
import type { Enrollment, EnrollmentWithState } from './schemas/enrollment.js';

const example = JSON.parse(
  readFileSync(new URL('../../examples/journeys/first-dose-check-in.journey.json', import.meta.url), 'utf8'),
);

let fixture: TestApi;
let document: OpenApiDocument;
let cookie = '';

beforeAll(async () => {
  fixture = await startTestApi();
  document = (await (await fixture.api.request('/api/openapi.json')).json()) as OpenApiDocument;
  cookie = await fixture.cookieOf('program-manager');
});

afterAll(() => fixture.close());

/**
 * Calls a route in-process and checks its answer against the document: the status is one the operation declares,
 * and the body validates against the JSON Schema declared for that status. Returns the status and the body.
 */
async function call<T = ErrorBody>(
  method: string,
  template: string,
  params: Record<string, string> = {},
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name]));
  const response = await fixture.api.request(path, {
    method,
    headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const op = operationsOf(document).find((o) => o.method === method.toLowerCase() && o.path === template);
  expect(op, `${method} ${template} is in the document`).toBeDefined();
  const where = `${nameOf(op!)} answered ${response.status}`;
  expect(Object.keys(op!.operation.responses ?? {}), `${where}: declared`).toContain(String(response.status));
  const json: unknown = response.status === 204 ? null : await response.json();
  const validator = answerValidator(document, op!, response.status);
  if (validator) {
    const result = validator.safeParse(json);
    expect(result.error?.issues ?? [], `${where}: body matches its schema`).toEqual([]);
  }
  return { status: response.status, body: json as T };
}

describe('real answers of the main routes match the schemas of the served document', () => {
  it('health, session and connectors', async () => {
    expect((await call<Health>('GET', '/api/health')).body.status).toBe('degraded'); // no Temporal in unit tests
    expect((await call<{ user: User }>('GET', '/api/sessions/current')).body.user.roles).toEqual(['program-manager']);
    const { body } = await call<{ connectors: Connector[] }>('GET', '/api/connectors');
    expect(body.connectors.map((c) => c.id)).toContain('dev');
  });

  it('a journey from creation to a version, and the refusals on the way', async () => {
    const created = await call<{ journey: Journey }>(
      'POST',
      '/api/journeys',
      {},
      { name: 'Contract check', document: example },
    );
    expect(created.status).toBe(201);
    const id = created.body.journey.id;
    expect(
      (await call<{ journeys: JourneySummary[] }>('GET', '/api/journeys')).body.journeys.map((j) => j.id),
    ).toContain(id);
    expect(
      (await call<{ journey: Journey }>('GET', '/api/journeys/{id}', { id })).body.journey.draft.steps,
    ).toBeDefined();

    const broken = await call<{ journey: Journey }>(
      'PUT',
      '/api/journeys/{id}/draft',
      { id },
      { document: { name: 'no steps' } },
    );
    expect(broken.status).toBe(200);
    expect(broken.body.journey.problems.length).toBeGreaterThan(0);
    expect((await call('PUT', '/api/journeys/{id}/draft', { id }, { document: example })).status).toBe(200);
    expect((await call<{ ok: boolean }>('POST', '/api/validate', {}, { document: example })).body.ok).toBe(true);

    const version = await call<{ version: Version }>('POST', '/api/journeys/{id}/versions', { id });
    expect(version.status).toBe(201);
    const versionId = version.body.version.id;
    const read = await call<{ version: VersionWithDocument }>('GET', '/api/versions/{id}', { id: versionId });
    expect(read.body.version.contentHash).toBe(version.body.version.contentHash);
    // Publishing straight from a snapshot is refused (review comes first): the refusal is part of the contract too.
    expect((await call('POST', '/api/versions/{id}/publish', { id: versionId })).status).toBe(409);
    expect((await call<{ journey: Journey }>('GET', '/api/journeys/{id}', { id })).body.journey.versions).toHaveLength(
      1,
    );
  });

  it('patients, the development phone, STOP and START, and enrollments', async () => {
    const patient = await call<{ patient: Patient }>(
      'POST',
      '/api/patients',
      {},
      {
        name: 'Contract Person',
        phone: '+15550101234',
        timeZone: 'America/Chicago',
        attributes: { refills: 2 },
        test: true,
      },
    );
    expect(patient.status).toBe(201);
    const patientId = patient.body.patient.id;
    expect((await call<{ patients: Patient[] }>('GET', '/api/patients')).body.patients.length).toBeGreaterThan(0);

    const stop = await call<ReplyOutcome>('POST', '/api/inbox/{patientId}/replies', { patientId }, { text: 'STOP' });
    expect(stop).toMatchObject({ status: 202, body: { optedOut: true, enrollmentIds: [] } });
    const start = await call<ReplyOutcome>('POST', '/api/inbox/{patientId}/replies', { patientId }, { text: 'START' });
    expect(start).toMatchObject({ status: 202, body: { optedIn: true } });
    const phone = await call<Inbox>('GET', '/api/inbox/{patientId}', { patientId });
    expect(phone.body.messages.map((m) => m.body)).toEqual(['STOP', 'START']);

    // Enrolling needs Temporal, which unit tests do not start: the 503 answer is declared and says so.
    const journey = await call<{ journey: Journey }>(
      'POST',
      '/api/journeys',
      {},
      { name: 'Enrollment contract', document: example },
    );
    const version = await call<{ version: Version }>('POST', '/api/journeys/{id}/versions', {
      id: journey.body.journey.id,
    });
    const versionId = version.body.version.id;
    const refused = await call('POST', '/api/enrollments', {}, { versionId, patientId });
    expect(refused.status).toBe(409); // not published

    await fixture.database.db.insert(enrollments).values({
      id: 'enr_contract',
      journeyId: journey.body.journey.id,
      versionId,
      patientId,
      workflowId: 'wf-contract',
      status: 'completed',
      startedAt: new Date().toISOString(),
      endedAt: new Date().toISOString(),
    });
    const listed = await call<{ enrollments: Enrollment[] }>('GET', '/api/enrollments');
    expect(listed.body.enrollments.map((e) => e.id)).toContain('enr_contract');
    const one = await call<{ enrollment: EnrollmentWithState }>('GET', '/api/enrollments/{id}', { id: 'enr_contract' });
    expect(one.body.enrollment).toMatchObject({ status: 'completed', patientName: 'Contract Person', state: null });
    expect((await call('POST', '/api/enrollments/{id}/exit', { id: 'enr_contract' }, { reason: 'x' })).status).toBe(
      409,
    );
  });
});
