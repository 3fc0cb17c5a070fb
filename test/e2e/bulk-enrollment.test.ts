/** End to end, as a program manager enrolls a list: a 100-row CSV with three bad rows is previewed (each problem named), the 97 good rows enrolled, the same file again enrolls nobody twice; the version's enrollments by status and step, one ended with a reason. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.js';
import { logIn, startTestCarepath, type TestCarepath } from '../support/carepath.js';
import { publishedJourney } from '../support/publish.js';
import { daytimeZone } from '../support/daytime-zone.js';
import { localLoginApi } from '../support/local-api.js';

let carepath: TestCarepath;
let browser: Browser;
let page: Page;
let versionId: string;

/** A week's wait, then a refill reminder: the enrolled patients sit in the wait while the test looks. */
const journey = {
  schemaVersion: 2,
  name: 'Refill reminder',
  attributes: { therapy: { type: 'string' } },
  settings: { timeZone: { source: 'patient', fallback: 'America/New_York' }, consentPurpose: 'adherence-support' },
  start: 'week',
  steps: {
    week: { type: 'wait', name: 'A week', wait: { kind: 'duration', duration: 'P7D' }, outputs: { next: 'remind' } },
    remind: {
      type: 'message',
      name: 'Remind',
      channel: 'sms',
      connector: 'dev',
      template: 'Time to refill your {{ patient.therapy }}.',
      outputs: { next: 'end' },
    },
    end: { type: 'end', outputs: {} },
  },
};

/** 100 patients with local-looking US numbers; rows 10, 50 and 90 are bad in three different ways. */
function hundredRows(): string {
  const zone = daytimeZone();
  const lines = ['name,phone,timeZone,consent,therapy'];
  for (let i = 1; i <= 100; i++) {
    const phone = `(202) 555-${String(1000 + i).padStart(4, '0')}`;
    if (i === 10) lines.push(`Patient ${i},12345,${zone},yes,Humira`);
    else if (i === 50) lines.push(`Patient ${i},${phone},Mars/Olympus,yes,Humira`);
    else if (i === 90) lines.push(`Patient ${i},${phone},${zone},no,Humira`);
    else lines.push(`Patient ${i},${phone},${zone},yes,Humira`);
  }
  return lines.join('\n') + '\n';
}

const call = localLoginApi(() => carepath);

beforeAll(async () => {
  carepath = await startTestCarepath({ loadExamples: false });
  const published = await publishedJourney(carepath, call, journey);
  versionId = published.versionId;
  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 1600, height: 1100 } })).newPage();
  await logIn(page, carepath);
  await page.goto(`${carepath.url}/#/journeys/${published.journeyId}`);
  await page.getByTestId('editor').waitFor();
});

afterAll(async () => {
  await browser?.close();
  await carepath?.close();
});

const upload = (csv: string) =>
  page.getByTestId('bulk-file').setInputFiles({ name: 'patients.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });

const enrollmentsOfVersion = async () =>
  ((await call('GET', `/enrollments?versionId=${versionId}`)).body.enrollments as unknown[]).length;

describe('a program manager enrolls patients from a CSV file', () => {
  it('previews 100 rows, naming the problem of each of the three bad ones, and writes nothing', async () => {
    await page.getByTestId('bulk-enroll-version-1').click({ timeout: 20_000 });
    await upload(hundredRows());
    await expect
      .poll(() => page.getByTestId('bulk-summary').textContent())
      .toBe('100 rows: 97 ready, 3 with problems, 0 already enrolled.');
    const row = (line: number) => page.getByTestId(`bulk-row-${line}`);
    // Line numbers count the header: patient i is on line i + 1.
    expect(await row(11).textContent()).toContain('bad phone "12345"');
    expect(await row(51).textContent()).toContain('unknown time zone "Mars/Olympus"');
    expect(await row(91).textContent()).toContain('missing consent for sms');
    expect(await row(2).textContent()).toContain('+12025551001');
    expect(await enrollmentsOfVersion()).toBe(0);
  });

  it('enrolls the 97 valid rows', async () => {
    expect(await page.getByTestId('bulk-enroll').textContent()).toBe('Enroll 97 patients');
    await page.getByTestId('bulk-enroll').click();
    await expect
      .poll(() => page.getByTestId('bulk-summary').textContent(), { timeout: 120_000 })
      .toBe('97 enrolled, 0 already enrolled, 3 with problems.');
    expect(await enrollmentsOfVersion()).toBe(97);
  });

  it('the same file again enrolls nobody twice', async () => {
    await page.getByTestId('bulk-close').click();
    await page.getByTestId('bulk-enroll-version-1').click();
    await upload(hundredRows());
    await expect
      .poll(() => page.getByTestId('bulk-summary').textContent())
      .toBe('100 rows: 0 ready, 3 with problems, 97 already enrolled.');
    expect(await page.getByTestId('bulk-enroll').isDisabled()).toBe(true);
    expect(await page.getByTestId('bulk-row-2').getAttribute('data-status')).toBe('already-enrolled');
    // Through the API too: running the file again adds no enrollment.
    const again = await call('POST', `/versions/${versionId}/bulk-enrollments`, { csv: hundredRows() });
    expect(again.status).toBe(200);
    expect(again.body.counts.enrolled).toBe(0);
    expect(await enrollmentsOfVersion()).toBe(97);
  });

  it("shows the version's enrollments by status and by current step, and ends one with a reason", async () => {
    await page.getByTestId('bulk-close').click();
    await page.getByTestId('version-enrollments-1').click();
    await expect.poll(() => page.getByTestId('enrollments-by-status').textContent()).toBe('97 enrolled: running 97');
    // The step comes from Temporal visibility, which catches up with the workflows' first step shortly.
    await expect
      .poll(
        async () => {
          await page.getByRole('button', { name: 'Refresh' }).click();
          return page.getByTestId('enrollments-by-step').textContent();
        },
        { timeout: 60_000 },
      )
      .toBe('Now at: A week 97');
    const row = page.locator('[data-patient="Patient 7"]');
    await row.getByTestId('end-enrollment').click();
    await row.getByTestId('end-enrollment-reason').fill('Moved to another pharmacy');
    await row.getByTestId('end-enrollment-submit').click();
    await expect
      .poll(
        async () => {
          await page.getByRole('button', { name: 'Refresh' }).click();
          return row.getAttribute('data-status');
        },
        { timeout: 60_000 },
      )
      .toBe('exited');
    expect(await row.textContent()).toContain('Moved to another pharmacy');
  });
});
