/** End to end, as a program manager tries a journey: the test run slides over the canvas (the canvas keeps its size), survives a reload and a second tab, any test patient — a colleague's too — can be reopened, and the Patients screen shows the path one took. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { logIn } from '../support/carepath.js';
import { closeE2eSession, openE2eSession, type E2eSession } from '../support/e2e-session.js';
import { localLoginApi } from '../support/local-api.js';
import { publishedJourney } from '../support/publish.js';
import { daytimeZone } from '../support/daytime-zone.js';

let session: E2eSession;
let page: Page;
let journeyId: string;
const COLLEAGUE = { email: 'colin.colleague@example.org', name: 'Colin Colleague', password: 'colleague-password-1' };

/** A welcome SMS, then a day's wait: both test patients are still running when the test looks at them. */
const welcome = {
  schemaVersion: 2,
  name: 'Welcome and wait',
  attributes: {},
  settings: { timeZone: { source: 'patient', fallback: 'America/New_York' }, consentPurpose: 'adherence-support' },
  start: 'welcome',
  steps: {
    welcome: {
      type: 'message',
      name: 'Welcome',
      channel: 'sms',
      connector: 'dev',
      template: 'Welcome to the program, {{ patient.firstName }}.',
      outputs: { next: 'wait' },
    },
    wait: { type: 'wait', name: 'A day', wait: { kind: 'duration', duration: 'P1D' }, outputs: { next: 'end' } },
    end: { type: 'end', outputs: {} },
  },
};

const call = localLoginApi(() => session.carepath);
const colleague = localLoginApi(() => session.carepath, COLLEAGUE);

beforeAll(async () => {
  session = await openE2eSession({ loadExamples: false });
  page = session.page;
  const { versionId, ...published } = await publishedJourney(session.carepath, call, welcome);
  journeyId = published.journeyId;
  // A colleague's test patient, enrolled through the API as the designer does it.
  expect((await call('POST', '/users', { ...COLLEAGUE, roles: ['program-manager'] })).status).toBe(201);
  const patient = await colleague('POST', '/patients', {
    name: 'Grace Hopper',
    phone: '+12025550177',
    timeZone: daytimeZone(),
    test: true,
  });
  expect(patient.status, JSON.stringify(patient.body)).toBe(201);
  expect((await colleague('POST', '/enrollments', { versionId, patientId: patient.body.patient.id })).status).toBe(201);
  await logIn(page, session.carepath);
});

afterAll(() => closeE2eSession(session ?? {}));

const canvasWidth = async (p: Page) => (await p.getByTestId('canvas').boundingBox())!.width;
const drawerTitle = (p: Page) => p.locator('#run-drawer-title').textContent();

describe('the test run', () => {
  it('slides over the canvas without changing its size, and Escape closes it', async () => {
    await page.goto(`${session.carepath.url}/#/journeys/${journeyId}`);
    await expect.poll(() => page.getByTestId('enroll-open').isEnabled(), { timeout: 20_000 }).toBe(true);
    const before = await canvasWidth(page);

    await page.getByTestId('enroll-open').click();
    await page.getByTestId('enroll-name').fill('Ada Lovelace');
    await page.getByTestId('enroll-phone').fill('+12025550101');
    await page.getByTestId('enroll-timezone').fill(daytimeZone());
    await page.getByTestId('enroll-submit').click();
    await expect.poll(() => drawerTitle(page)).toBe('Test run: Ada Lovelace');
    await expect
      .poll(() => page.getByTestId('phone-message').first().textContent(), { timeout: 30_000 })
      .toContain('Welcome to the program, Ada.');
    expect(await canvasWidth(page)).toBe(before);
    // The drawer lies over the canvas: its box is inside the canvas's.
    const canvas = (await page.getByTestId('canvas').boundingBox())!;
    const drawer = (await page.getByTestId('run-drawer').boundingBox())!;
    expect(drawer.x).toBeGreaterThan(canvas.x);
    expect(drawer.x + drawer.width).toBeLessThanOrEqual(canvas.x + canvas.width);

    await page.getByTestId('phone-reply-input').focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('run-drawer').count()).toBe(0);
    // Focus goes back to where the drawer opens from, so the keyboard can bring it back.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('test-patients-open');
    expect(await canvasWidth(page)).toBe(before);
  });

  it('reopens any test patient — mine or a colleague’s — from the list, and the one followed survives a reload and a new tab', async () => {
    await page.keyboard.press('Enter');
    await expect.poll(() => drawerTitle(page)).toBe('Test patients');
    const names = () => page.getByTestId('test-patient').locator('strong').allTextContents();
    await expect.poll(names).toEqual(['Ada Lovelace', 'Grace Hopper']);
    expect(await page.getByTestId('test-patients-list').textContent()).toContain('by Colin Colleague');
    await page.getByTestId('test-patients-mine').check();
    await expect.poll(names).toEqual(['Ada Lovelace']);
    await page.getByTestId('test-patients-mine').uncheck();
    await expect.poll(names).toEqual(['Ada Lovelace', 'Grace Hopper']);

    await page.getByTestId('test-patient').filter({ hasText: 'Grace Hopper' }).click();
    await expect.poll(() => drawerTitle(page)).toBe('Test run: Grace Hopper');
    await expect
      .poll(() => page.getByTestId('phone-message').first().textContent(), { timeout: 30_000 })
      .toContain('Welcome to the program, Grace.');
    await expect.poll(() => page.getByTestId('enrollment-status').textContent()).toBe('running');

    await page.reload();
    await expect.poll(() => drawerTitle(page), { timeout: 20_000 }).toBe('Test run: Grace Hopper');
    await expect.poll(() => page.getByTestId('phone-message').count()).toBe(1);

    const second = await page.context().newPage();
    try {
      await second.goto(`${session.carepath.url}/#/journeys/${journeyId}`);
      await expect.poll(() => drawerTitle(second), { timeout: 20_000 }).toBe('Test run: Grace Hopper');
      await expect.poll(() => second.getByTestId('enrollment-phase').textContent()).toContain('A day');
    } finally {
      await second.close();
    }
  });

  it("shows the test patient's path on the Patients screen, as a list with times and lit on the version's canvas", async () => {
    await page.getByTestId('nav-patients').click();
    await page.getByTestId('patient-search').fill('Grace');
    await page.getByTestId('patient-results').getByRole('button', { name: 'Grace Hopper' }).click();
    await page.getByTestId('patient-enrollment-path').click();
    const steps = page.getByTestId('patient-path-step');
    await expect.poll(() => steps.count(), { timeout: 20_000 }).toBe(2);
    expect(await page.getByTestId('enrollment-path-view').getAttribute('data-source')).toBe('journey');
    expect(await steps.nth(0).getAttribute('data-output')).toBe('next');
    expect(await steps.nth(0).textContent()).toContain('Welcome (message)');
    expect(await steps.nth(1).textContent()).toContain('A day (wait) — here now');
    expect(await steps.nth(0).locator('time').getAttribute('datetime')).toMatch(/^\d{4}-\d\d-\d\dT/);

    await page.getByTestId('patient-path-canvas-toggle').click();
    const preview = page.getByTestId('journey-preview');
    await expect.poll(() => preview.getByTestId('step-node-welcome').getAttribute('data-path')).toBe('visited');
    expect(await preview.getByTestId('step-node-wait').getAttribute('data-path')).toBe('current');
    expect(await preview.getByTestId('step-node-end').getAttribute('data-path')).toBeNull();
  });
});
