/** End to end, as a program manager runs a journey's versions: publish v2 (the confirmation names v1, which it supersedes), pause, resume, retire v1; each audited. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.js';
import { logIn, startTestCarepath, type TestCarepath } from '../support/carepath.js';
import { localLoginApi } from '../support/local-api.js';
import { snapshotApprovedVersion } from '../support/publish.js';

let carepath: TestCarepath;
let browser: Browser;
let page: Page;
let journeyId: string;
const versionIds: string[] = [];

const journey = (text: string) => ({
  schemaVersion: 2,
  name: 'Refill reminder',
  attributes: {},
  settings: { timeZone: { source: 'patient', fallback: 'America/New_York' }, consentPurpose: 'adherence-support' },
  start: 'remind',
  steps: {
    remind: {
      type: 'message',
      name: 'Remind',
      channel: 'sms',
      connector: 'dev',
      template: text,
      outputs: { next: 'end' },
    },
    end: { type: 'end', outputs: {} },
  },
});

const call = localLoginApi(() => carepath);

/** The draft snapshotted as the next version and approved by the three disciplines (the review is not this test's story). */
const approvedVersion = () => snapshotApprovedVersion(carepath, call, journeyId);

beforeAll(async () => {
  carepath = await startTestCarepath({ loadExamples: false });
  const created = await call('POST', '/journeys', { name: 'Refill reminder', document: journey('Time to refill.') });
  expect(created.status).toBe(201);
  journeyId = created.body.journey.id;
  versionIds.push(await approvedVersion());
  expect((await call('POST', `/versions/${versionIds[0]}/publish`)).status).toBe(200);
  const saved = await call('PUT', `/journeys/${journeyId}/draft`, { document: journey('Your refill is due.') });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  versionIds.push(await approvedVersion());
  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 1600, height: 1100 } })).newPage();
  await logIn(page, carepath);
  await page.goto(`${carepath.url}/#/journeys/${journeyId}`);
  await page.getByTestId('editor').waitFor();
});

afterAll(async () => {
  await browser?.close();
  await carepath?.close();
});

const status = (n: number) => page.getByTestId(`version-${n}`).getAttribute('data-status');

/** The actions the audit trail recorded for a version, oldest first. */
async function audited(versionId: string): Promise<string[]> {
  const trail = await call('GET', `/audit/export?entityId=${encodeURIComponent(versionId)}`);
  expect(trail.status).toBe(200);
  return (trail.body.records as Array<{ action: string }>).map((r) => r.action);
}

describe('a program manager runs the versions of a journey', () => {
  it('publishes v2 after a confirmation that names v1, which it supersedes', async () => {
    await expect.poll(() => status(2), { timeout: 20_000 }).toBe('approved');
    await page.getByTestId('publish-version-2').click();
    expect(await page.getByTestId('publish-confirm-supersedes').textContent()).toContain('supersedes v1 (published)');
    // Cancelling changes nothing.
    await page.getByTestId('publish-cancel').click();
    expect(await page.getByTestId('publish-confirm').count()).toBe(0);
    expect(await status(2)).toBe('approved');
    await page.getByTestId('publish-version-2').click();
    await page.getByTestId('publish-confirmed').click();
    await expect.poll(() => status(2)).toBe('published');
    await expect.poll(() => status(1)).toBe('superseded');
  });

  it('pauses v2: it takes no new enrollments until it is resumed', async () => {
    await page.getByTestId('pause-version-2').click();
    await expect.poll(() => status(2)).toBe('paused');
    expect(await page.getByTestId('enroll-open').isDisabled()).toBe(true);
    await page.getByTestId('resume-version-2').click();
    await expect.poll(() => status(2)).toBe('published');
    expect(await page.getByTestId('enroll-open').isDisabled()).toBe(false);
  });

  it('retires v1 after asking, and every operation is in the audit trail', async () => {
    await page.getByTestId('retire-version-1').click();
    expect(await page.getByTestId('retire-confirm-1').textContent()).toContain('enrolled patients carry on');
    await page.getByTestId('retire-confirmed-1').click();
    await expect.poll(() => status(1)).toBe('retired');
    expect(await page.getByTestId('retire-version-1').count()).toBe(0);
    expect(await audited(versionIds[0])).toEqual(
      expect.arrayContaining(['version.publish', 'version.supersede', 'version.retire']),
    );
    const v2 = await audited(versionIds[1]);
    expect(v2.filter((a) => ['version.publish', 'version.pause', 'version.resume'].includes(a))).toEqual([
      'version.publish',
      'version.pause',
      'version.resume',
    ]);
  });
});
