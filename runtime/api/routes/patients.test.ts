/** Patients API in-process on a real libsql file: search by name, phone or email; one patient's record with contact state, consents and enrollments. */
import { beforeAll, describe, expect, it } from 'vitest';
import { useApiFixture } from '../../people/api-fixture.test-support.js';
import { addressOptOuts, consents, messages } from '../../db/schema.js';

const f = useApiFixture();
let nurse: string;
let adaId: string;

beforeAll(async () => {
  nurse = await f.login(f.emailOf('care-team'));
  const create = async (name: string, phone: string, email: string) =>
    (await f.call('POST', '/api/patients', { cookie: nurse, body: { name, phone, email, timeZone: 'UTC' } })).body
      .patient.id as string;
  adaId = await create('Ada Lovelace', '+12025550101', 'ada@example.org');
  await create('Grace Hopper', '+12025550199', 'grace@example.org');
  const db = f.database.db;
  await db.insert(addressOptOuts).values({
    address: '+12025550101',
    kind: 'phone',
    keyword: 'STOP',
    connector: 'dev',
    optedOutAt: '2026-01-01T00:00:00.000Z',
  });
  await db.insert(consents).values({
    id: 'cns_1',
    patientId: adaId,
    channel: 'email',
    purpose: 'adherence-support',
    status: 'granted',
    source: 'enrollment form',
    recordedBy: f.userIds['care-team'],
    recordedAt: '2026-01-01T00:00:00.000Z',
  });
  await db.insert(messages).values({
    id: 'msg_1',
    direction: 'inbound',
    patientId: adaId,
    channel: 'sms',
    connector: 'dev',
    body: 'STOP',
    status: 'received',
  });
});

describe('GET /api/patients?q=', () => {
  it('finds patients by part of a name, of a phone number however written, or of an email', async () => {
    const names = async (q: string) =>
      (await f.call('GET', `/api/patients?q=${encodeURIComponent(q)}`, { cookie: nurse })).body.patients.map(
        (p: { name: string }) => p.name,
      );
    expect(await names('lovel')).toEqual(['Ada Lovelace']);
    expect(await names('(202) 555-0199')).toEqual(['Grace Hopper']);
    expect(await names('GRACE@')).toEqual(['Grace Hopper']);
    expect(await names('100%')).toEqual([]);
    expect(await names('_')).toEqual([]);
  });
});

describe('GET /api/patients/{id}', () => {
  it("shows the patient's contacts with their state, consents and messages", async () => {
    const answer = await f.call('GET', `/api/patients/${adaId}`, { cookie: nurse });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.contacts.phone).toMatchObject({ address: '+12025550101', state: 'opted-out', keyword: 'STOP' });
    expect(answer.body.contacts.email).toMatchObject({ address: 'ada@example.org', state: 'ok' });
    expect(answer.body.consents).toEqual([
      expect.objectContaining({ channel: 'email', purpose: 'adherence-support', status: 'granted' }),
    ]);
    expect(answer.body.messages).toEqual([expect.objectContaining({ direction: 'inbound', body: 'STOP' })]);
    expect(answer.body.enrollments).toEqual([]);
  });

  it('answers 404 for an unknown patient, and keeps patients from engineers and reviewers', async () => {
    expect((await f.call('GET', '/api/patients/pat_nope', { cookie: nurse })).status).toBe(404);
    for (const role of ['engineer', 'compliance-reviewer'] as const) {
      const cookie = await f.login(f.emailOf(role));
      expect((await f.call('GET', `/api/patients/${adaId}`, { cookie })).status).toBe(403);
    }
  });
});

describe('POST /api/patients, many at once', () => {
  it('stores every patient when twenty are added at the same moment (writes queue, none fails as busy)', async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        f.call('POST', '/api/patients', {
          cookie: nurse,
          body: { name: `Burst Patient ${i}`, phone: `+120255502${String(10 + i)}`, timeZone: 'UTC' },
        }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array.from({ length: 20 }, () => 201));
    const found = await f.call('GET', '/api/patients?q=Burst%20Patient', { cookie: nurse });
    expect(found.body.patients).toHaveLength(20);
  });
});
