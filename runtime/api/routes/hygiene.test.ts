/** Contact-hygiene API in-process on a real libsql file: bad, opted-out, missing and shared contacts per version, journey and overall; the CSV download; roles and bad input. */
import { beforeAll, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { useApiFixture } from '../../people/api-fixture.test-support.js';
import { addressOptOuts, auditTrail, enrollments, patients } from '../../db/schema.js';
import { markContactBad } from '../../channels/contacts.js';

const f = useApiFixture();
let manager: string;
let nurse: string;
let journeyId: string;
let smsVersionId: string;
let emailVersionId: string;
const ids: Record<string, string> = {};

const documentSending = (channel: 'sms' | 'email') => ({
  schemaVersion: 2,
  name: 'Refill reminder',
  settings: { timeZone: { source: 'patient', fallback: 'America/New_York' }, consentPurpose: 'adherence-support' },
  start: 'remind',
  steps: {
    remind: {
      type: 'message',
      name: 'Remind',
      channel,
      connector: 'dev',
      template: 'Time to refill.',
      ...(channel === 'email' ? { subject: 'Refill' } : {}),
      outputs: { next: 'end' },
    },
    end: { type: 'end', outputs: {} },
  },
});

beforeAll(async () => {
  manager = await f.login(f.emailOf('program-manager'));
  nurse = await f.login(f.emailOf('care-team'));
  const created = await f.call('POST', '/api/journeys', {
    cookie: manager,
    body: { name: 'Refill reminder', document: documentSending('sms') },
  });
  expect(created.status, created.text).toBe(201);
  journeyId = created.body.journey.id;
  const v1 = await f.call('POST', `/api/journeys/${journeyId}/versions`, { cookie: manager });
  expect(v1.status, v1.text).toBe(201);
  smsVersionId = v1.body.version.id;
  const saved = await f.call('PUT', `/api/journeys/${journeyId}/draft`, {
    cookie: manager,
    body: { document: documentSending('email'), baseRevision: created.body.journey.draftRevision },
  });
  expect(saved.status, saved.text).toBe(200);
  const v2 = await f.call('POST', `/api/journeys/${journeyId}/versions`, { cookie: manager });
  expect(v2.status, v2.text).toBe(201);
  emailVersionId = v2.body.version.id;

  const create = async (key: string, body: Record<string, unknown>) => {
    const answer = await f.call('POST', '/api/patients', { cookie: nurse, body: { timeZone: 'UTC', ...body } });
    expect(answer.status, answer.text).toBe(201);
    ids[key] = answer.body.patient.id;
  };
  await create('ada', { name: 'Ada Lovelace', phone: '+12025550101', email: 'ada@example.org' });
  await create('bad', { name: 'Bounce Bailey', phone: '+12025550102' });
  await create('stop', { name: 'Stop Stevens', phone: '+12025550103' });
  await create('nophone', { name: 'Mo Email', email: 'mo@example.org' });
  // A family phone: mother and son on one number, which a STOP or a reply would concern both.
  await create('mother', { name: 'Maria Garcia', phone: '+12025550110' });
  await create('son', { name: 'Luis Garcia', phone: '+12025550110' });
  // A formula-looking name must reach a spreadsheet as text.
  await create('formula', { name: '=HYPERLINK("http://x.example","click")', phone: '+12025550120' });
  await create('test', { name: 'Test Tess', phone: '+12025550110', test: true });

  const db = f.database.db;
  await markContactBad(db, ids.bad, 'phone', 'sms refused: 30005 unknown destination handset');
  await db.insert(addressOptOuts).values({
    address: '+12025550103',
    kind: 'phone',
    keyword: 'STOP',
    connector: 'twilio-sms',
    optedOutAt: '2026-11-01T10:00:00.000Z',
  });
  const enroll = (key: string, versionId: string, startedAt: string) =>
    db.insert(enrollments).values({
      id: `enr_${key}_${versionId}`,
      journeyId,
      versionId,
      patientId: ids[key],
      workflowId: `wf_${key}_${versionId}`,
      status: 'running',
      startedAt,
    });
  for (const key of ['ada', 'bad', 'stop', 'nophone', 'mother', 'test'])
    await enroll(key, smsVersionId, '2026-11-01T00:00:00.000Z');
  await enroll('formula', emailVersionId, '2026-11-02T00:00:00.000Z');
  await enroll('son', emailVersionId, '2026-11-02T00:00:00.000Z');
});

type Issue = { patientName: string; contact: string; issue: string; detail: string; since?: string };
const summary = (issues: Issue[]) => issues.map((i) => `${i.issue} ${i.contact} ${i.patientName}`);

describe('GET /api/contact-hygiene', () => {
  it('lists, for a version, the bad, opted-out, missing and shared contacts of its patients, with reason and since', async () => {
    const answer = await f.call('GET', `/api/contact-hygiene?versionId=${smsVersionId}`, { cookie: manager });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.scope).toMatchObject({ kind: 'version', versionNumber: 1, journeyName: 'Refill reminder' });
    expect(summary(answer.body.issues)).toEqual([
      'bad phone Bounce Bailey',
      'opted-out phone Stop Stevens',
      'missing phone Mo Email',
      'shared phone Maria Garcia',
    ]);
    const [bad, stop, missing, shared] = answer.body.issues;
    expect(bad.detail).toBe('sms refused: 30005 unknown destination handset');
    expect(bad.since).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(stop).toMatchObject({ detail: 'opted out with STOP', since: '2026-11-01T10:00:00.000Z' });
    expect(missing.detail).toBe('no phone number; the journey sends sms');
    // The son is in v2, not this version, yet the number is shared all the same; the test patient is no one.
    expect(shared.sharedWith).toEqual([{ id: ids.son, name: 'Luis Garcia' }]);
    expect(answer.body).toMatchObject({
      patients: 5,
      patientsWithIssues: 4,
      counts: { bad: 1, 'opted-out': 1, missing: 1, shared: 1 },
    });
  });

  it('covers every version of a journey, each patient checked against the channels of their own version', async () => {
    const answer = await f.call('GET', `/api/contact-hygiene?journeyId=${journeyId}`, { cookie: nurse });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.patients).toBe(7);
    // v2 sends email: the son has no email address; Ada's email is fine.
    expect(summary(answer.body.issues)).toContain('missing email Luis Garcia');
    expect(summary(answer.body.issues)).toContain('shared phone Luis Garcia');
    expect(summary(answer.body.issues)).not.toContain('missing email Ada Lovelace');
    const luis = answer.body.issues.find((i: Issue) => i.patientName === 'Luis Garcia');
    expect(luis.enrollments).toEqual(['Refill reminder v2 (running)']);
  });

  it('overall, checks every patient, enrolled or not, and leaves test patients out', async () => {
    const answer = await f.call('GET', '/api/contact-hygiene', { cookie: manager });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.scope).toEqual({ kind: 'all' });
    expect(answer.body.patients).toBe(7);
    expect(answer.body.issues.map((i: Issue) => i.patientName)).not.toContain('Test Tess');
  });

  it('downloads as CSV: an attachment, properly quoted, formula-looking cells neutralised, and the export audited', async () => {
    const answer = await f.call('GET', `/api/contact-hygiene?journeyId=${journeyId}&format=csv`, { cookie: manager });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(answer.headers.get('content-disposition')).toMatch(
      /^attachment; filename="contact-hygiene-Refill_reminder-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const parsed = Papa.parse<Record<string, string>>(answer.text, { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(answer.text.split('\r\n')[0]).toBe(
      'patient_id,patient_name,contact,address,issue,detail,since,shared_with,enrollments',
    );
    const bailey = parsed.data.find((r) => r.patient_name === 'Bounce Bailey')!;
    // A leading + would make a spreadsheet compute the number; the apostrophe keeps it text.
    expect(bailey).toMatchObject({ contact: 'phone', address: "'+12025550102", issue: 'bad' });
    const formula = parsed.data.find((r) => r.patient_name.includes('HYPERLINK'))!;
    expect(formula.patient_name).toBe(`'=HYPERLINK("http://x.example","click")`);
    const maria = parsed.data.find((r) => r.patient_name === 'Maria Garcia' && r.issue === 'shared')!;
    expect(maria.shared_with).toBe(`Luis Garcia (${ids.son})`);
    const audited = await f.database.db.select().from(auditTrail);
    expect(audited.filter((a) => a.action === 'contact-hygiene.exported').map((a) => a.entityId)).toEqual([journeyId]);
  });

  it('refuses engineers and reviewers, unknown journeys and versions, and both filters at once, changing nothing', async () => {
    const rows = async () => (await f.database.db.select().from(patients)).length;
    const before = await rows();
    for (const role of ['engineer', 'compliance-reviewer'] as const) {
      const cookie = await f.login(f.emailOf(role));
      expect((await f.call('GET', '/api/contact-hygiene', { cookie })).status).toBe(403);
    }
    expect((await f.call('GET', '/api/contact-hygiene')).status).toBe(401);
    const unknown = await f.call('GET', '/api/contact-hygiene?journeyId=jrn_nope', { cookie: manager });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toMatch(/jrn_nope/);
    const both = await f.call('GET', `/api/contact-hygiene?journeyId=${journeyId}&versionId=${smsVersionId}`, {
      cookie: manager,
    });
    expect(both.status).toBe(400);
    expect(both.body.error.message).toMatch(/versionId: give a journeyId or a versionId, not both/);
    const format = await f.call('GET', '/api/contact-hygiene?format=xlsx', { cookie: manager });
    expect(format.status).toBe(400);
    expect(format.body.error.message).toMatch(/format/);
    expect(await rows()).toBe(before);
  });
});

describe('GET /api/patients/{id}: shared contacts', () => {
  it("names the other patients on the same number, never a test patient, and leaves a patient's own contacts unflagged", async () => {
    const maria = await f.call('GET', `/api/patients/${ids.mother}`, { cookie: nurse });
    expect(maria.status, maria.text).toBe(200);
    expect(maria.body.contacts.phone.sharedWith).toEqual([{ id: ids.son, name: 'Luis Garcia' }]);
    const ada = await f.call('GET', `/api/patients/${ids.ada}`, { cookie: nurse });
    expect(ada.body.contacts.phone.sharedWith).toBeUndefined();
    expect(ada.body.contacts.email.sharedWith).toBeUndefined();
    // The test patient shares the family number, so their own record shows both real patients on it.
    const tess = await f.call('GET', `/api/patients/${ids.test}`, { cookie: nurse });
    expect(tess.body.contacts.phone.sharedWith.map((p: { name: string }) => p.name)).toEqual([
      'Luis Garcia',
      'Maria Garcia',
    ]);
  });
});
