/** End to end: a message step's preview as the author types, a simulated cohort drawn on the canvas with one patient's path, and a test patient's wait skipped, in Chromium. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logIn } from '../support/carepath.js';
import { closeE2eSession, openE2eSession, type E2eSession } from '../support/e2e-session.js';
import { daytimeZone } from '../support/daytime-zone.js';
import { localLoginApi } from '../support/local-api.js';
import { publishedJourney } from '../support/publish.js';

let session: E2eSession;
const byTestId = (id: string) => session.page.getByTestId(id);

beforeAll(async () => {
  session = await openE2eSession({ loadExamples: true });
  await logIn(session.page, session.carepath);
  await byTestId('journeys-table').waitFor();
  await session.page.getByRole('link', { name: 'First-dose check-in', exact: true }).click();
  await byTestId('editor').waitFor();
  await byTestId('step-node-welcome').waitFor();
});

afterAll(async () => {
  if (session) await closeE2eSession(session);
});

describe('message preview in the inspector', () => {
  it('shows the SMS on a phone with its segments and encoding, following the template and the sample patient', async () => {
    await byTestId('step-node-welcome').click({ position: { x: 40, y: 30 } });
    const segments = byTestId('preview-sms-segments');
    await expect.poll(() => segments.getAttribute('data-encoding')).toBe('GSM-7');
    expect(await byTestId('preview-sms-text').textContent()).toContain('Hi Maria, welcome');
    expect(await segments.getAttribute('data-segments')).toBe('1');

    // Extension characters count twice: 150 letters and 5 of them are 160 septets, still one segment; one more is two.
    await byTestId('inspector-template').fill('a'.repeat(150) + '[]{}€');
    await expect.poll(() => segments.getAttribute('data-characters')).toBe('160');
    expect(await segments.getAttribute('data-segments')).toBe('1');
    await byTestId('inspector-template').fill('a'.repeat(150) + '[]{}€^');
    await expect.poll(() => segments.getAttribute('data-segments')).toBe('2');

    // An emoji turns the whole message UCS-2, and the preview names it.
    await byTestId('inspector-template').fill('Hi {{ patient.firstName }} 💊 dose day!');
    await expect.poll(() => segments.getAttribute('data-encoding')).toBe('UCS-2');
    expect(await byTestId('preview-sms-ucs2').textContent()).toContain('💊');

    // A patient whose name is not in the GSM alphabet does the same to a plain template.
    await byTestId('inspector-template').fill('Hi {{ patient.firstName }}, welcome to your support program.');
    await expect.poll(() => segments.getAttribute('data-encoding')).toBe('GSM-7');
    await byTestId('sample-patient-select').selectOption('zoe');
    await expect.poll(() => segments.getAttribute('data-encoding')).toBe('UCS-2');
    expect(await byTestId('preview-sms-text').textContent()).toContain('Hi Zoë, welcome');
  });

  it('shows an email with its subject, its HTML in a sandboxed frame and its text part', async () => {
    await byTestId('inspector-channel').selectOption('email');
    await byTestId('inspector-subject').fill('Welcome, {{ patient.firstName }}');
    await expect.poll(() => byTestId('preview-email-subject').textContent()).toContain('Welcome, Zoë');
    const frame = byTestId('preview-email-html');
    expect(await frame.getAttribute('sandbox')).toBe('');
    const html = session.page.frameLocator('[data-testid="preview-email-html"]');
    await expect.poll(() => html.locator('body').textContent()).toContain('welcome to your support program');
    expect(await html.getByRole('link', { name: 'Unsubscribe' }).count()).toBe(1);
    expect(await byTestId('preview-email-text').textContent()).toContain('To stop these emails');

    await byTestId('inspector-channel').selectOption('voice');
    await expect.poll(() => byTestId('preview-voice-script').textContent()).toContain('Hi Zoë, welcome');
    await byTestId('inspector-channel').selectOption('sms');
    await byTestId('undo').click();
  });
});

describe('simulation on the canvas', () => {
  it('runs 200 simulated patients in a worker and draws counts on steps and edges', async () => {
    await byTestId('simulate-open').click();
    await byTestId('simulate-patients').fill('200');
    await byTestId('simulate-run').click();
    await expect
      .poll(() => byTestId('simulate-summary').getAttribute('data-patients'), { timeout: 30_000 })
      .toBe('200');
    // Everybody is welcomed; the default mix (60 % engaged, 25 % hesitant, 15 % silent) splits the question's outputs.
    await expect.poll(() => byTestId('live-count-welcome').textContent()).toBe('200');
    expect(await byTestId('live-count-ask-first-dose').textContent()).toBe('200');
    // The badge says what it counts: entries in the simulation, not patients there now.
    expect(await byTestId('live-count-welcome').getAttribute('title')).toContain('simulated patients entered');
    // An edge's label is the count that took it; the edge is found by its output (its accessible name).
    const taken = async (source: string, output: string) => {
      const text = session.page.locator(
        `.react-flow__edge[aria-label^="${source} ${output} to "] .react-flow__edge-text`,
      );
      return (await text.count()) === 0 ? 0 : Number(await text.textContent());
    };
    expect(await taken('welcome', 'next')).toBe(200);
    const [yes, no, timeout] = [
      await taken('ask-first-dose', 'yes'),
      await taken('ask-first-dose', 'no'),
      await taken('ask-first-dose', 'timeout'),
    ];
    expect(timeout).toBeGreaterThanOrEqual(30);
    expect(yes).toBeGreaterThan(0);
    expect(yes + no + timeout).toBe(200);
    // No two edge labels overlap: each sits under its own output's handle.
    const boxes = await session.page.locator('.react-flow__edge-textwrapper').evaluateAll((labels) =>
      labels.map((label) => {
        const { left, right, top, bottom } = label.getBoundingClientRect();
        return { left, right, top, bottom };
      }),
    );
    expect(boxes.length).toBeGreaterThanOrEqual(4);
    for (const [i, a] of boxes.entries())
      for (const b of boxes.slice(i + 1))
        expect(a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top).toBe(true);
  });

  it("opens a simulated patient's path: its steps in order with times, highlighted on the canvas", async () => {
    const first = byTestId('simulated-patient').first();
    await first.click();
    const entries = byTestId('simulated-path-entry');
    await expect.poll(() => entries.count()).toBeGreaterThanOrEqual(3);
    expect(await entries.first().getAttribute('data-step')).toBe('welcome');
    expect(await entries.nth(1).getAttribute('data-step')).toBe('wait-two-days');
    expect(await entries.first().locator('time').textContent()).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    const steps = await entries.evaluateAll((els) => els.map((el) => el.getAttribute('data-step')));
    for (const step of steps) expect(await byTestId(`step-node-${step}`).getAttribute('data-path')).not.toBeNull();
  });

  it('shows progress on a large cohort and can be cancelled, drawing nothing', async () => {
    await byTestId('simulate-patients').fill('10000');
    await byTestId('simulate-horizon').fill('P10Y');
    await byTestId('simulate-run').click();
    await byTestId('simulate-progress').waitFor();
    // The page still answers while the worker runs: the panel's inputs take typing.
    await byTestId('simulate-seed').fill('2');
    await byTestId('simulate-cancel').click();
    await expect.poll(() => byTestId('simulate-panel').getAttribute('data-state')).toBe('cancelled');
    expect(await byTestId('live-count-welcome').count()).toBe(0);
    await byTestId('simulate-close').click();
    expect(await byTestId('simulate-panel').count()).toBe(0);
  });
});

/** A welcome, a month's wait, a follow-up: nobody waits a month for a test, so the wait is skipped. */
const aMonthLater = {
  schemaVersion: 2,
  name: 'A month later',
  attributes: {},
  settings: { timeZone: { source: 'patient', fallback: 'America/New_York' }, consentPurpose: 'adherence-support' },
  start: 'welcome',
  steps: {
    welcome: {
      type: 'message',
      channel: 'sms',
      connector: 'dev',
      template: 'Welcome, {{ patient.firstName }}.',
      outputs: { next: 'month' },
    },
    month: {
      type: 'wait',
      name: 'A month',
      wait: { kind: 'duration', duration: 'P30D' },
      outputs: { next: 'follow-up' },
    },
    'follow-up': {
      type: 'message',
      channel: 'sms',
      connector: 'dev',
      template: 'How has your first month been, {{ patient.firstName }}?',
      outputs: { next: 'end' },
    },
    end: { type: 'end', outputs: {} },
  },
};

describe('skip wait in the test run', () => {
  it("ends a test patient's month-long wait with one click: the follow-up arrives and the journey completes", async () => {
    // The earlier edits' draft save has landed first: two writes at once can still meet SQLITE_BUSY.
    await expect.poll(() => byTestId('save-status').getAttribute('data-status')).toBe('saved');
    const call = localLoginApi(() => session.carepath);
    const { journeyId } = await publishedJourney(session.carepath, call, aMonthLater);
    await session.page.goto(`${session.carepath.url}/#/journeys/${journeyId}`);
    await expect.poll(() => byTestId('enroll-open').isEnabled(), { timeout: 20_000 }).toBe(true);
    await byTestId('enroll-open').click();
    await byTestId('enroll-name').fill('Ada Lovelace');
    await byTestId('enroll-phone').fill('+12025550131');
    await byTestId('enroll-timezone').fill(daytimeZone());
    await byTestId('enroll-submit').click();
    await expect.poll(() => byTestId('enrollment-phase').textContent(), { timeout: 30_000 }).toContain('A month');

    await byTestId('skip-wait').click();
    await expect.poll(() => byTestId('enrollment-status').textContent(), { timeout: 30_000 }).toBe('completed');
    const path = await byTestId('path-entry').evaluateAll((entries) =>
      entries.map((e) => `${e.getAttribute('data-step')}:${e.getAttribute('data-output') ?? ''}`),
    );
    expect(path).toEqual(['welcome:next', 'month:next', 'follow-up:next', 'end:']);
    await expect
      .poll(async () => (await byTestId('phone-message').allTextContents()).join('\n'), { timeout: 30_000 })
      .toContain('How has your first month been, Ada?');
    expect(await byTestId('skip-wait').count()).toBe(0);
  });
});
