/** The development phone speaks only for test patients, and shows patient messages only to program managers and the care team. */
import { describe, expect, it } from 'vitest';
import { useApiFixture } from '../../people/api-fixture.test-support.js';

const f = useApiFixture();

async function patient(cookie: string, test: boolean) {
  const body = { name: 'Pat Ient', phone: test ? '+15557770101' : '+15557770102', timeZone: 'America/Denver', test };
  const answer = await f.call('POST', '/api/patients', { cookie, body });
  expect(answer.status).toBe(201);
  expect(answer.body.patient.test).toBe(test);
  return answer.body.patient.id as string;
}

describe('replying as the patient', () => {
  it('works for a test patient and is refused, changing nothing, for a real one', async () => {
    const manager = await f.login(f.emailOf('program-manager'));
    const real = await patient(manager, false);
    const refused = await f.call('POST', `/api/inbox/${real}/replies`, { cookie: manager, body: { text: 'STOP' } });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: 'not-a-test-patient' });
    expect((await f.call('GET', `/api/inbox/${real}`, { cookie: manager })).body.messages).toEqual([]);

    const test = await patient(manager, true);
    const stop = await f.call('POST', `/api/inbox/${test}/replies`, { cookie: manager, body: { text: 'STOP' } });
    expect(stop.status).toBe(202);
    expect(stop.body).toMatchObject({ optedOut: true });
  });

  it('keeps the phone from engineers', async () => {
    const manager = await f.login(f.emailOf('program-manager'));
    const test = await patient(manager, true);
    const engineer = await f.login(f.emailOf('engineer'));
    expect((await f.call('GET', `/api/inbox/${test}`, { cookie: engineer })).status).toBe(403);
    expect((await f.call('POST', `/api/inbox/${test}/replies`, { cookie: engineer, body: { text: '1' } })).status).toBe(
      403,
    );
  });
});
