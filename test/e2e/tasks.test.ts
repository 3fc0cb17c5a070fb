/** End to end, as a nurse would: a test patient's journey creates a call task; the nurse claims it, records "reached", and the patient's phone and the canvas's live counts follow. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.js';
import { logIn, startTestCarepath, type TestCarepath } from '../support/carepath.js';
import { localLoginApi } from '../support/local-api.js';
import { publishedJourney } from '../support/publish.js';
import { daytimeZone } from '../support/daytime-zone.js';

let carepath: TestCarepath;
let browser: Browser;
/** The program manager's tab (the editor with the test patient's phone) and the nurse's tab (the task queue). */
let manager: Page;
let nurse: Page;
let journeyId: string;
const NURSE = { email: 'nora.nurse@example.org', name: 'Nora Nurse', password: 'nurse-password-1' };

/** A nurse's welcome call first; "reached" sends a thank-you SMS. */
const nurseCallFirst = {
  schemaVersion: 2,
  name: 'Nurse call first',
  attributes: {},
  settings: { timeZone: { source: 'patient', fallback: 'America/New_York' }, consentPurpose: 'adherence-support' },
  start: 'welcome-call',
  steps: {
    'welcome-call': {
      type: 'task',
      name: 'Welcome call',
      queue: 'nurses',
      title: 'Welcome call',
      talkingPoints: ['Introduce yourself as their nurse.', 'Ask how they feel about the first injection.'],
      outcomes: [
        { id: 'reached', label: 'Reached' },
        { id: 'voicemail', label: 'Left voicemail' },
      ],
      deadline: 'PT8H',
      outputs: { reached: 'thanks', voicemail: 'end-voicemail', escalated: 'end-escalated' },
    },
    thanks: {
      type: 'message',
      name: 'Thanks',
      channel: 'sms',
      connector: 'dev',
      template: 'Thanks for talking with your nurse today, {{ patient.firstName }}.',
      outputs: { next: 'end-reached' },
    },
    'end-reached': { type: 'end', outputs: {} },
    'end-voicemail': { type: 'end', outputs: {} },
    'end-escalated': { type: 'end', outputs: {} },
  },
};

/** Calls as the local admin (an admin and program manager), from outside the browser. */
const call = localLoginApi(() => carepath);

/** The journey and its version 1, approved by the three disciplines and published (the review is not this test's story). */
async function publishedJourneyId(): Promise<string> {
  return (
    await publishedJourney(
      carepath,
      localLoginApi(() => carepath),
      nurseCallFirst,
    )
  ).journeyId;
}

beforeAll(async () => {
  carepath = await startTestCarepath({ loadExamples: false });
  journeyId = await publishedJourneyId();
  expect((await call('POST', '/users', { ...NURSE, roles: ['care-team'] })).status).toBe(201);
  browser = await launchBrowser();
  manager = await (await browser.newContext({ viewport: { width: 1600, height: 1100 } })).newPage();
  nurse = await (await browser.newContext({ viewport: { width: 1600, height: 1100 } })).newPage();
});

afterAll(async () => {
  await browser?.close();
  await carepath?.close();
});

const text = async (page: Page, id: string) => (await page.getByTestId(id).textContent()) ?? '';

describe('a nurse works the task queue', () => {
  it('a program manager enrolls a test patient, whose journey opens a call task in the nurses queue', async () => {
    await logIn(manager, carepath);
    await manager.goto(`${carepath.url}/#/journeys/${journeyId}`);
    await expect.poll(() => manager.getByTestId('enroll-open').isEnabled(), { timeout: 20_000 }).toBe(true);
    await manager.getByTestId('enroll-open').click();
    await manager.getByTestId('enroll-name').fill('Grace Hopper');
    await manager.getByTestId('enroll-phone').fill('+12025550101');
    await manager.getByTestId('enroll-timezone').fill(daytimeZone());
    await manager.getByTestId('enroll-submit').click();
    await expect.poll(() => manager.getByTestId('phone-messages').count()).toBe(1);
    // The published version's live counts on the canvas: the patient waits at the call.
    await expect.poll(() => text(manager, 'live-count-welcome-call'), { timeout: 30_000 }).toBe('1');
    expect(await text(manager, 'live-counts')).toContain('Live counts of v1');

    await nurse.goto(carepath.url);
    await nurse.getByTestId('login-email').fill(NURSE.email);
    await nurse.getByTestId('login-password').fill(NURSE.password);
    await nurse.getByTestId('login-submit').click();
    await nurse.getByTestId('nav-tasks').click();
    await expect.poll(() => text(nurse, 'tasks-open'), { timeout: 30_000 }).toContain('Grace Hopper');
    expect(await text(nurse, 'task-queue-nurses')).toContain('nurses');
    const row = nurse.getByTestId('tasks-open').locator('tr', { hasText: 'Grace Hopper' });
    expect(await row.textContent()).toMatch(/Welcome call.*Nurse call first.*nurses.*(7 h \d+ min|8 h) left/);
  });

  it('the nurse opens the task with its talking points and the patient, claims it, and records "reached" with a note', async () => {
    await nurse.getByTestId('tasks-open').locator('tr', { hasText: 'Grace Hopper' }).getByTestId('task-open').click();
    await expect.poll(() => text(nurse, 'task-talking-points')).toContain('Introduce yourself as their nurse.');
    expect(await text(nurse, 'task-patient-name')).toBe('Grace Hopper');
    expect(await nurse.getByTestId('task-record').isDisabled()).toBe(true);

    await nurse.getByTestId('task-claim').click();
    await expect.poll(() => text(nurse, 'task-claimed-by')).toBe('You are working this task.');
    await nurse.getByTestId('task-outcome-reached').check();
    await nurse.getByTestId('task-note').fill('Talked through the first injection; feeling calmer.');
    await nurse.getByTestId('task-record').click();
    await expect
      .poll(() => text(nurse, 'task-recorded'))
      .toContain('Recorded “Reached”. The journey went on to step thanks.');
    await expect.poll(() => nurse.getByTestId('task-view').getAttribute('data-status')).toBe('closed');
    await expect.poll(() => text(nurse, 'tasks-open')).not.toContain('Grace Hopper');
  });

  it("the patient's phone shows the next message, and the canvas counts the patient down the reached branch", async () => {
    await expect
      .poll(() => text(manager, 'phone-messages'), { timeout: 30_000 })
      .toContain('Thanks for talking with your nurse today, Grace.');
    await expect.poll(() => text(manager, 'live-counts-totals'), { timeout: 30_000 }).toContain('1 completed');
    await expect.poll(() => text(manager, 'live-count-welcome-call'), { timeout: 30_000 }).toBe('0');
    // The count of patients past an edge is the edge's label, under its output on the card.
    await expect.poll(() => text(manager, 'rf__edge-welcome-call:reached'), { timeout: 30_000 }).toBe('1');
  });
});
