/** Enrolling a patient whose phone number another patient also has, through the API on real Temporal: enrolled, with a warning naming the other patient. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTimeSkippingEnv } from '../support/temporal.js';
import { daytimeZone } from '../support/daytime-zone.js';
import { startHarness, type Harness } from './harness.js';
import { harnessApi, type HarnessApi } from './harness-api.js';
import { seedJourney, type SeededJourney } from './seed.js';

let harness: Harness;
let http: HarnessApi;
let journey: SeededJourney;

beforeAll(async () => {
  harness = await startHarness('carepath-shared-numbers-test', () => createTimeSkippingEnv());
  http = harnessApi(harness);
  await http.addUser('nurse@example.org', 'Nina Nurse', 'care-team');
  await http.loginAs('nurse@example.org');
  journey = await seedJourney(harness.database.db);
}, 300_000);

afterAll(() => harness?.stop(), 60_000);

async function enrollNew(name: string, phone: string) {
  const created = await http.call('POST', '/api/patients', { name, phone, timeZone: daytimeZone() });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return http.call('POST', '/api/enrollments', { versionId: journey.versionId, patientId: created.body.patient.id });
}

describe('POST /api/enrollments with a shared phone number', () => {
  it('enrolls the patient and warns who else is on the number; a number of their own gets no warning', async () => {
    const maria = await enrollNew('Maria Garcia', '+15550100810');
    expect(maria.status).toBe(201);
    expect(maria.body.warnings).toBeUndefined();
    const luis = await enrollNew('Luis Garcia', '+15550100810');
    expect(luis.status, JSON.stringify(luis.body)).toBe(201);
    expect(luis.body.enrollment.status).toBe('running');
    expect(luis.body.warnings).toEqual([
      "the phone number +15550100810 is also Maria Garcia's: a STOP, a bounce or a reply on it concerns them too",
    ]);
  });
});
