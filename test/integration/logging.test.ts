/**
 * The logs of a real run hold no patient data: a patient with a distinctive name, phone and email is created and
 * enrolled through the API, gets an SMS and an email, answers with free text and then "1", on a real time-skipping
 * Temporal server and a real libsql file; every log line of the run (API, activities, Temporal) is read back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { JourneyDocument } from '../../schema/document.js';
import { validateJourney } from '../../schema/validate.js';
import { contentHash } from '../../schema/canonical.js';
import { ConnectorRegistry } from '../../connectors/sdk/index.js';
import { createDevConnector } from '../../connectors/dev/dev-connector.js';
import { createApi } from '../../runtime/api/app.js';
import { createDevInboxStore } from '../../runtime/db/dev-inbox.js';
import { versions } from '../../runtime/db/schema.js';
import { redirectLogs } from '../../runtime/log.js';
import { ensureUser } from '../../runtime/people/users.js';
import { createTimeSkippingEnv } from '../support/temporal.js';
import { daytimeZone } from '../support/daytime-zone.js';
import { startHarness, type Harness } from './harness.js';
import { firstDoseCheckIn, seedJourney } from './seed.js';
import { eventually as waitFor } from '../support/eventually.js';

const taskQueue = 'carepath-logging-test';

const patient = {
  name: 'Wilhelmina Quarrington-Zed',
  phone: '+15557770199',
  email: 'wilhelmina.qz@example.org',
};
const freeTextReply = 'my knee swelled after the Thistlewood clinic visit';

/** The first-dose journey with an email after the welcome SMS and a one-second wait, so a run reaches its question at once. */
const journeyDocument = validateJourney({
  ...firstDoseCheckIn,
  steps: {
    ...firstDoseCheckIn.steps,
    welcome: { ...firstDoseCheckIn.steps.welcome, outputs: { next: 'welcome-email' } },
    'welcome-email': {
      type: 'message',
      name: 'Welcome email',
      channel: 'email',
      connector: 'dev',
      subject: 'Welcome, {{ patient.firstName }}',
      template: 'Dear {{ patient.name }}, here is how your program works.',
      outputs: { next: 'wait-two-days' },
    },
    'wait-two-days': { ...firstDoseCheckIn.steps['wait-two-days'], wait: { kind: 'duration', duration: 'PT1S' } },
  },
}).document as JourneyDocument;

let harness: Harness;
let env: TestWorkflowEnvironment;
const lines: string[] = [];
let restoreLogs: () => void;

beforeAll(async () => {
  // Everything from here on, at info: the API's request lines, the send activity's lines and Temporal's warnings.
  restoreLogs = redirectLogs((line) => lines.push(line), 'info');
  harness = await startHarness(taskQueue, () => createTimeSkippingEnv());
  env = harness.env;
}, 300_000);

afterAll(async () => {
  await harness?.stop();
  restoreLogs?.();
}, 60_000);

/** This file's waits: up to 60,000 ms. */
const eventually = <T>(probe: () => Promise<T | undefined | false | null>, what: string) =>
  waitFor(probe, what, 60_000);

describe('logs of a run that messages a patient and takes their replies', () => {
  const requestIds: string[] = [];
  let workflowId: string;
  let enrollmentId: string;

  beforeAll(async () => {
    const db = harness.database.db;
    const api = createApi({
      db,
      connectors: new ConnectorRegistry().register(createDevConnector(createDevInboxStore(db)), {}),
      temporal: () => ({ client: env.client, taskQueue }),
      temporalAddress: 'time-skipping',
    });
    await ensureUser(db, {
      email: 'manager@example.org',
      name: 'Program Manager',
      password: 'pw-123456',
      roles: ['program-manager'],
    });
    let cookie = '';
    const call = async (method: string, path: string, body?: unknown) => {
      const res = await api.request(path, {
        method,
        headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      requestIds.push(res.headers.get('x-request-id') ?? '(none)');
      return { status: res.status, headers: res.headers, body: await res.json() };
    };

    const login = await call('POST', '/api/sessions', { email: 'manager@example.org', password: 'pw-123456' });
    expect(login.status).toBe(200);
    cookie = login.headers.get('set-cookie')!.split(';')[0];

    // A refused request carries patient data in its body too; neither the refusal nor its log line may repeat it.
    const refused = await call('POST', '/api/patients', { ...patient, email: 'not-an-email', timeZone: daytimeZone() });
    expect(refused.status).toBe(400);

    const created = await call('POST', '/api/patients', { ...patient, timeZone: daytimeZone(), test: true });
    expect(created.status).toBe(201);
    const patientId: string = created.body.patient.id;

    const journey = await seedJourney(db, journeyDocument);
    // The real hash, so an enrollment that checks the version's content hash accepts it.
    await db
      .update(versions)
      .set({ contentHash: await contentHash(journeyDocument) })
      .where(eq(versions.id, journey.versionId));
    const enrolled = await call('POST', '/api/enrollments', { versionId: journey.versionId, patientId });
    expect(enrolled.status).toBe(201);
    ({ workflowId, id: enrollmentId } = enrolled.body.enrollment);

    const outbound = async () =>
      ((await call('GET', `/api/inbox/${patientId}`)).body.messages as { direction: string; channel: string }[]).filter(
        (m) => m.direction === 'outbound',
      );
    await eventually(async () => (await outbound()).length >= 2, 'the welcome SMS and email');
    await env.sleep('1 minute');
    await eventually(async () => (await outbound()).length >= 3, 'the question');
    expect((await outbound()).map((m) => m.channel)).toEqual(['sms', 'email', 'sms']);

    expect((await call('POST', `/api/inbox/${patientId}/replies`, { text: freeTextReply })).status).toBe(202);
    expect((await call('POST', `/api/inbox/${patientId}/replies`, { text: '1' })).status).toBe(202);
    await eventually(
      async () => (await call('GET', `/api/enrollments/${enrollmentId}`)).body.enrollment.status === 'completed',
      'the enrollment to complete',
    );
  }, 180_000);

  it('contains no name, phone number, email address or reply text of the patient', () => {
    const log = lines.join('');
    const phoneDigits = patient.phone.slice(2); // also caught without the "+1"
    for (const secret of [
      'Wilhelmina',
      'Quarrington',
      patient.phone,
      phoneDigits,
      patient.email,
      'wilhelmina.qz',
      'Thistlewood',
      'knee swelled',
    ])
      expect(log, `"${secret}" in the logs`).not.toContain(secret);
  });

  it('is JSON lines that name every request by its id and every message sent by its workflow and step', () => {
    const parsed = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const requests = parsed.filter((l) => l.msg === 'request');
    expect(requests.map((l) => l.reqId)).toEqual(expect.arrayContaining(requestIds));
    expect(requests.find((l) => l.path === '/api/enrollments' && l.method === 'POST')).toMatchObject({
      status: 201,
      userId: expect.stringMatching(/^usr_/),
      ms: expect.any(Number),
    });
    const sent = parsed.filter((l) => l.msg === 'message sent');
    expect(sent.map((l) => [l.workflowId, l.enrollmentId, l.step, l.channel])).toEqual([
      [workflowId, enrollmentId, 'welcome', 'sms'],
      [workflowId, enrollmentId, 'welcome-email', 'email'],
      [workflowId, enrollmentId, 'ask-first-dose', 'sms'],
    ]);
  });
});
