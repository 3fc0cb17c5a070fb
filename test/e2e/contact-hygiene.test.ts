/** End to end, as a program manager cleans a list: from the Patients screen to Contact hygiene, two patients sharing a family phone are flagged, the record says so too, and the CSV downloads. */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logIn } from '../support/carepath.js';
import { closeE2eSession, openE2eSession, type E2eSession } from '../support/e2e-session.js';
import { localLoginApi } from '../support/local-api.js';

let session: E2eSession;
const call = localLoginApi(() => session.carepath);
const ids: Record<string, string> = {};

beforeAll(async () => {
  session = await openE2eSession({ loadExamples: false });
  for (const [name, phone] of [
    ['Maria Garcia', '+12025550110'],
    ['Luis Garcia', '+12025550110'],
    ['Ada Lovelace', '+12025550101'],
  ]) {
    const created = await call('POST', '/patients', { name, phone, timeZone: 'America/Chicago' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    ids[name] = created.body.patient.id;
  }
  await logIn(session.page, session.carepath);
});

afterAll(() => closeE2eSession(session));

describe('the contact hygiene screen', () => {
  it('flags the two patients on one phone number and downloads the list as CSV', async () => {
    const { page } = session;
    await page.getByTestId('nav-patients').click();
    await page.getByTestId('nav-hygiene').click();
    const rows = page.getByTestId('hygiene-issues').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await page.getByTestId('hygiene-summary').textContent()).toContain('2 of 3 patients need attention');
    const maria = page.locator(`[data-testid="hygiene-issues"] tr[data-patient="${ids['Maria Garcia']}"]`);
    expect(await maria.getAttribute('data-issue')).toBe('shared');
    expect(await maria.textContent()).toContain('also on Luis Garcia');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('hygiene-download').click()]);
    expect(download.suggestedFilename()).toMatch(/^contact-hygiene-all-patients-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toBe(
      'patient_id,patient_name,contact,address,issue,detail,since,shared_with,enrollments',
    );
    expect(csv).toContain(`${ids['Maria Garcia']},Maria Garcia,phone,"'+12025550110",shared`);

    // The record of either patient says who else is on the number.
    await maria.getByRole('link', { name: 'Luis Garcia' }).click();
    await expect.poll(() => page.getByTestId('patient-name').textContent()).toBe('Luis Garcia');
    expect(await page.getByTestId('patient-contact-phone').textContent()).toContain('also the phone of Maria Garcia');
  });
});
