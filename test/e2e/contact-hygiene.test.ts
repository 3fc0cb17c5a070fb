/** End to end, as a program manager cleans a list: from the Patients screen to Contact hygiene, two patients sharing a family phone are flagged, the record says so too, and the CSV downloads. */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logIn } from '../support/carepath.js';
import { closeE2eSession, openE2eSession, type E2eSession } from '../support/e2e-session.js';
import { localLoginApi } from '../support/local-api.js';
import { snapshotApprovedVersion } from '../support/publish.js';

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

/** A published version that texts its patients, with Ada (a phone) and Mo (an email only) enrolled in it. */
async function publishedSmsVersion() {
  const document = {
    schemaVersion: 2,
    name: 'Refill reminder',
    settings: { timeZone: { source: 'patient', fallback: 'America/New_York' }, consentPurpose: 'adherence-support' },
    start: 'remind',
    steps: {
      remind: {
        type: 'message',
        channel: 'sms',
        connector: 'dev',
        template: 'Time to refill.',
        outputs: { next: 'end' },
      },
      end: { type: 'end', outputs: {} },
    },
  };
  const created = await call('POST', '/journeys', { name: document.name, document });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const journeyId = created.body.journey.id as string;
  const versionId = await snapshotApprovedVersion(session.carepath, call, journeyId);
  expect((await call('POST', `/versions/${versionId}/publish`)).status).toBe(200);
  const mo = await call('POST', '/patients', { name: 'Mo Email', email: 'mo@example.org', timeZone: 'UTC' });
  for (const patientId of [ids['Ada Lovelace'], mo.body.patient.id]) {
    const enrolled = await call('POST', '/enrollments', { versionId, patientId });
    expect(enrolled.status, JSON.stringify(enrolled.body)).toBe(201);
  }
  return { journeyId, versionId };
}

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

  it("opens from a version's panel: the version's patients only, one of them with no phone for its SMS", async () => {
    const { page } = session;
    const { journeyId } = await publishedSmsVersion();
    await page.goto(`${session.carepath.url}/#/journeys/${journeyId}`);
    await page.getByTestId('version-hygiene-1').click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Contact hygiene: Refill reminder v1');
    const rows = page.getByTestId('hygiene-issues').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().getAttribute('data-issue')).toBe('missing');
    expect(await rows.first().textContent()).toContain('no phone number; the journey sends sms');
    expect(await page.getByTestId('hygiene-summary').textContent()).toContain('1 of 2 patients need attention');
  });
});
