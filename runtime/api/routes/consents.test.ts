/** Consents and contact corrections through the API, in-process on a real libsql file. */
import { expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useApiFixture } from '../../people/api-fixture.test-support.js';
import { patients } from '../../db/schema.js';
import { markContactBad } from '../../channels/contacts.js';
import { consentRefusal } from '../../channels/consent.js';

const f = useApiFixture();

async function newPatient(cookie: string) {
  const created = await f.call('POST', '/api/patients', {
    cookie,
    body: { name: 'Ada Lovelace', phone: '+15550100301', timeZone: 'America/New_York' },
  });
  return created.body.patient.id as string;
}

it('records consent given and revoked; the newest record decides whether a send may go', async () => {
  const cookie = await f.login(f.emailOf('care-team'));
  const id = await newPatient(cookie);
  const grant = await f.call('POST', `/api/patients/${id}/consents`, {
    cookie,
    body: {
      channel: 'sms',
      purpose: 'adherence-support',
      status: 'granted',
      source: 'enrollment form',
      evidence: 'form v3, signed',
    },
  });
  expect(grant.status).toBe(201);
  expect(grant.body.consent).toMatchObject({ channel: 'sms', status: 'granted', recordedBy: f.userIds['care-team'] });
  expect(await consentRefusal(f.database.db, id, 'sms', 'adherence-support', true)).toBeUndefined();
  // No consent on record for email: allowed unless consent is required.
  expect(await consentRefusal(f.database.db, id, 'email', 'adherence-support', false)).toBeUndefined();
  expect(await consentRefusal(f.database.db, id, 'email', 'adherence-support', true)).toContain('has not consented');

  await f.call('POST', `/api/patients/${id}/consents`, {
    cookie,
    body: { channel: 'sms', purpose: 'adherence-support', status: 'revoked', source: 'phone call' },
  });
  expect(await consentRefusal(f.database.db, id, 'sms', 'adherence-support', false)).toContain('revoked consent');
  const list = await f.call('GET', `/api/patients/${id}/consents`, { cookie });
  expect(list.body.consents.map((c: { status: string }) => c.status)).toEqual(['revoked', 'granted']);
});

it('refuses a consent without its source or with an unknown channel, naming the field, and stores nothing', async () => {
  const cookie = await f.login(f.emailOf('program-manager'));
  const id = await newPatient(cookie);
  const bad = await f.call('POST', `/api/patients/${id}/consents`, {
    cookie,
    body: { channel: 'fax', purpose: 'adherence-support', status: 'granted', source: '' },
  });
  expect(bad.status).toBe(400);
  expect(bad.body.error.message).toContain('/channel');
  expect(bad.body.error.message).toContain('/source');
  expect((await f.call('GET', `/api/patients/${id}/consents`, { cookie })).body.consents).toEqual([]);
  expect((await f.call('GET', '/api/patients/pat_nobody/consents', { cookie })).status).toBe(404);
});

it('correcting the phone clears its bad-contact mark, and only the corrected one', async () => {
  const cookie = await f.login(f.emailOf('care-team'));
  const id = await newPatient(cookie);
  await markContactBad(f.database.db, id, 'phone', 'sms undelivered: Twilio error 30003');
  await markContactBad(f.database.db, id, 'email', 'email refused: 550');
  const corrected = await f.call('PUT', `/api/patients/${id}/contact`, { cookie, body: { phone: '+15550100302' } });
  expect(corrected.status).toBe(200);
  expect(corrected.body).toMatchObject({
    phone: '+15550100302',
    phoneProblem: null,
    emailProblem: 'email refused: 550',
  });
  const [row] = await f.database.db.select().from(patients).where(eq(patients.id, id));
  expect(row.phoneProblemAt).toBeNull();
  const empty = await f.call('PUT', `/api/patients/${id}/contact`, { cookie, body: {} });
  expect(empty.status).toBe(400);
  expect(empty.body.error.message).toContain('must correct the phone, the email or both');
});
