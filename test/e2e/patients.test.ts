/** End to end, as a nurse looks a patient up: search by a phone number as written on a note, open the record, see the enrollment and the messages both ways. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.js';
import { logIn, startTestCarepath, type TestCarepath } from '../support/carepath.js';
import { localLoginApi } from '../support/local-api.js';

let carepath: TestCarepath;
let browser: Browser;
let page: Page;
let adaId: string;

const call = localLoginApi(() => carepath);

beforeAll(async () => {
  carepath = await startTestCarepath({ loadExamples: false });
  for (const [name, phone] of [
    ['Ada Lovelace', '+12025550101'],
    ['Grace Hopper', '+12025550199'],
  ]) {
    const created = await call('POST', '/patients', { name, phone, timeZone: 'America/Chicago' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    if (name === 'Ada Lovelace') adaId = created.body.patient.id;
  }
  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 1600, height: 1100 } })).newPage();
  await logIn(page, carepath);
});

afterAll(async () => {
  await browser?.close();
  await carepath?.close();
});

describe('the patients screen', () => {
  it('finds a patient by a phone number however written and opens the record with the contact state', async () => {
    await page.getByTestId('nav-patients').click();
    await page.getByTestId('patient-search').fill('(202) 555-0101');
    await expect.poll(() => page.getByTestId('patient-results').locator('li').count()).toBe(1);
    await page.getByTestId(`patient-result-${adaId}`).click();
    await expect.poll(() => page.getByTestId('patient-name').textContent()).toBe('Ada Lovelace');
    expect(await page.getByTestId('patient-contact-phone').getAttribute('data-state')).toBe('ok');
    expect(await page.getByTestId('patient-contact-phone').textContent()).toContain('+12025550101');
    expect(await page.getByTestId('patient-enrollments').textContent()).toContain('None');
    // The record has its own address: a colleague can be sent the link.
    expect(page.url()).toContain(`#/patients/${adaId}`);
  });
});
