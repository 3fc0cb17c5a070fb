/** End to end, as a program manager would: draw a journey on the canvas, have it approved and publish it, enroll a patient, reply on their phone. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.js';
import { daytimeZone } from '../support/daytime-zone.js';
import { logIn, startTestCarepath, TEST_PASSWORD, type TestCarepath } from '../support/carepath.js';

const REVIEWER_PASSWORD = 'reviewer-e2e-password';

let carepath: TestCarepath;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  carepath = await startTestCarepath({ loadExamples: false });
  browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1700, height: 1300 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: carepath.url });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await carepath?.close();
});

const byTestId = (id: string) => page.getByTestId(id);

/** The API as a person outside the browser uses it: log in, then call with the session cookie. */
async function apiAs(email: string, password: string) {
  const login = await fetch(`${carepath.url}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  expect(login.status).toBe(200);
  const cookie = login.headers.get('set-cookie')!.split(';')[0];
  return async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${carepath.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', cookie },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: await response.json() };
  };
}

/** Three reviewers, one per discipline, made by the admin, sign the journey's newest version through the API. */
async function approveLatestVersion(journeyId: string) {
  const admin = await apiAs(carepath.login.email, TEST_PASSWORD);
  const version = (await admin('GET', `/api/journeys/${journeyId}`)).body.journey.versions[0];
  for (const discipline of ['medical', 'legal', 'regulatory']) {
    const email = `${discipline}@reviewers.example.org`;
    const created = await admin('POST', '/api/users', {
      email,
      name: `${discipline} reviewer`,
      password: REVIEWER_PASSWORD,
      roles: ['compliance-reviewer'],
      discipline,
    });
    expect(created.status).toBe(201);
    const reviewer = await apiAs(email, REVIEWER_PASSWORD);
    const signed = await reviewer('POST', `/api/versions/${version.id}/signatures`, {
      password: REVIEWER_PASSWORD,
      discipline,
      decision: 'approve',
      meaning: `I approve this content for ${discipline} review`,
    });
    expect(signed.status).toBe(201);
  }
}

/** Drags a palette item onto the canvas with HTML5 drag and drop, dropping it at a point of the canvas. */
async function dropStep(type: 'message' | 'wait' | 'end', x: number, y: number, expectedId: string) {
  await byTestId(`palette-${type}`).dragTo(byTestId('canvas'), { targetPosition: { x, y } });
  await expect.poll(() => byTestId(`step-node-${expectedId}`).count()).toBe(1);
}

/** Connects an output handle to a step's input handle by dragging with the mouse, as a person would. */
async function dragConnection(source: string, output: string, target: string) {
  const from = (await byTestId(`handle-out-${source}-${output}`).boundingBox())!;
  const to = (await byTestId(`handle-in-${target}`).boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 5 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 5 });
  await page.mouse.up();
}

/** Drags from an output handle to a step, as a person would, and waits for the edge; a drag that missed (a
 * handle still moving into place on a busy machine) is tried once more, as a person would. */
async function connect(source: string, output: string, target: string) {
  const edge = page.locator(`[data-testid="rf__edge-${source}:${output}"]`);
  await dragConnection(source, output, target);
  try {
    await expect.poll(() => edge.count(), { timeout: 2_000 }).toBe(1);
  } catch {
    await dragConnection(source, output, target);
    await expect.poll(() => edge.count(), { timeout: 5_000 }).toBe(1);
  }
}

async function select(stepId: string) {
  await byTestId(`step-node-${stepId}`).click({ position: { x: 40, y: 30 } });
  await expect.poll(() => byTestId('inspector').getAttribute('data-step-id')).toBe(stepId);
}

describe('a program manager draws, publishes and runs a journey', () => {
  it('logs in and creates a journey', async () => {
    await logIn(page, carepath);
    await byTestId('new-journey-name').fill('Injection start check-in');
    await byTestId('new-journey-submit').click();
    await expect.poll(() => byTestId('editor').count()).toBe(1);
  });

  it('drags steps from the palette, edits them, and sees validation problems until the outputs are connected', async () => {
    await dropStep('message', 450, 90, 'message-1');
    await select('message-1');
    await byTestId('inspector-template').fill('Hi {{ patient.firstName }}, welcome to your injection support program.');

    await dropStep('wait', 450, 340, 'wait-1');
    await select('wait-1');
    await byTestId('inspector-wait-duration').fill('PT4S');
    await expect.poll(() => byTestId('inspector-duration-reading').textContent()).toContain('4 seconds');

    await dropStep('message', 450, 590, 'message-2');
    await select('message-2');
    await byTestId('inspector-template').fill('');
    await byTestId('inspector-await-reply').check();
    // An empty message is a problem on the step and in the list.
    await expect.poll(() => byTestId('problem-badge-message-2').count()).toBe(1);
    await expect.poll(async () => (await byTestId('problems-list').textContent()) ?? '').toMatch(/no message text/i);
    await byTestId('inspector-template').fill('Did your first injection go well? Reply 1 for yes, 2 for no.');
    while ((await page.getByTestId(/^reply-class-\d+$/).count()) < 2) await byTestId('reply-class-add').click();
    await byTestId('reply-class-0-id').fill('yes');
    await byTestId('reply-class-0-match').fill('1, yes');
    await byTestId('reply-class-1-id').fill('no');
    await byTestId('reply-class-1-match').fill('2, no');
    await byTestId('inspector-timeout').fill('P1D');

    await dropStep('end', 150, 900, 'end-1');
    await dropStep('end', 450, 900, 'end-2');
    await dropStep('end', 750, 900, 'end-3');

    // Outputs are still unconnected: problems are listed and publishing is not possible.
    await expect.poll(async () => (await byTestId('problems-list').textContent()) ?? '').toMatch(/not connected/);
    expect(await byTestId('publish').isDisabled()).toBe(true);

    await connect('message-1', 'next', 'wait-1');
    await connect('wait-1', 'next', 'message-2');
    await connect('message-2', 'yes', 'end-1');
    await connect('message-2', 'no', 'end-2');
    await connect('message-2', 'timeout', 'end-3');
    // Validation runs in a deferred render: give a busy machine time to show its answer.
    await expect.poll(() => byTestId('problems-none').count(), { timeout: 10_000 }).toBe(1);
    expect(await byTestId('start-marker-message-1').count()).toBe(1);
  });

  it('shows the same journey as JSON, and an edit there reaches the canvas', async () => {
    await byTestId('save-draft').click();
    await expect.poll(() => byTestId('save-status').getAttribute('data-status')).toBe('saved');
    await byTestId('tab-json').click();
    const editor = byTestId('json-editor');
    // The JSON editor loads on first use; a busy machine takes more than a second.
    await expect.poll(async () => (await editor.textContent()) ?? '', { timeout: 10_000 }).toContain('message-2');
    // Rename the yes-branch end step in the JSON, as someone pasting an edited document would, and see it on the canvas.
    const journeyId = await byTestId('editor').getAttribute('data-journey-id');
    const draft = await page.evaluate(
      async (id) => (await (await fetch(`/api/journeys/${id}`)).json()).journey.draft,
      journeyId,
    );
    draft.steps['end-1'].name = 'Going well';
    await editor.locator('.monaco-editor .view-lines').click();
    // Paste the edited document over the old one, as a person replacing it from another editor would.
    await page.evaluate((text) => navigator.clipboard.writeText(text), JSON.stringify(draft, null, 2));
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Control+V');
    await expect
      .poll(async () => (await byTestId('json-status').textContent()) ?? '', { timeout: 10_000 })
      .toMatch(/In step with the canvas/);
    await byTestId('tab-canvas').click();
    await expect.poll(async () => (await byTestId('step-node-end-1').textContent()) ?? '').toContain('Going well');
  });

  it('saves, snapshots an immutable version with its content hash, submits it, and publishes it once approved', async () => {
    await byTestId('save-draft').click();
    await expect.poll(() => byTestId('save-status').getAttribute('data-status')).toBe('saved');
    await byTestId('snapshot-version').click();
    await expect.poll(() => byTestId('version-1').count()).toBe(1);
    expect(await byTestId('version-1').getByTestId('version-hash').getAttribute('title')).toMatch(
      /^jcs-sha256:[0-9a-f]{64}$/,
    );
    // Only an approved version publishes: submit it, and the three disciplines sign it.
    expect(await byTestId('publish').isDisabled()).toBe(true);
    await byTestId('submit-version-1').click();
    await expect.poll(() => byTestId('version-1').getAttribute('data-status')).toBe('submitted');
    const journeyId = await byTestId('editor').getAttribute('data-journey-id');
    await approveLatestVersion(journeyId!);
    await page.reload();
    await expect.poll(() => byTestId('version-1').getAttribute('data-status')).toBe('approved');
    await byTestId('publish').click();
    // Publishing asks first; nothing is published yet, so nothing is superseded.
    expect(await byTestId('publish-confirm-supersedes').textContent()).toContain(
      'No version of this journey is published',
    );
    await byTestId('publish-confirmed').click();
    await expect.poll(() => byTestId('version-1').getAttribute('data-status')).toBe('published');
  });

  it('enrolls a test patient, who receives the SMS, then the question, replies 1, and completes down the yes-branch', async () => {
    await byTestId('enroll-open').click();
    await byTestId('enroll-name').fill('Grace Hopper');
    await byTestId('enroll-phone').fill('+15557654321');
    // Where it is midday now, so SMS quiet hours never depend on when the suite runs.
    await byTestId('enroll-timezone').fill(daytimeZone());
    await byTestId('enroll-submit').click();

    const messages = byTestId('phone-messages');
    await expect
      .poll(async () => (await messages.textContent()) ?? '', { timeout: 60_000 })
      .toContain('Hi Grace, welcome to your injection support program.');
    await expect
      .poll(async () => (await messages.textContent()) ?? '', { timeout: 60_000 })
      .toContain('Did your first injection go well?');

    await byTestId('phone-reply-input').fill('1');
    await byTestId('phone-reply-send').click();
    await expect.poll(() => byTestId('enrollment-status').textContent(), { timeout: 60_000 }).toBe('completed');
    await expect
      .poll(() => messages.locator('[data-direction="inbound"]').allTextContents())
      .toEqual([expect.stringContaining('1')]);

    const path = await page
      .getByTestId('path-entry')
      .evaluateAll((entries) => entries.map((e) => [e.getAttribute('data-step'), e.getAttribute('data-output')]));
    expect(path).toEqual([
      ['message-1', 'next'],
      ['wait-1', 'next'],
      ['message-2', 'yes'],
      ['end-1', null],
    ]);
    // The path is lit on the canvas: the yes-branch end is on it, the other ends are not.
    expect(await byTestId('step-node-end-1').getAttribute('data-path')).not.toBeNull();
    expect(await byTestId('step-node-end-2').getAttribute('data-path')).toBeNull();
    await page.screenshot({ path: join(carepath.dataDir, '..', 'carepath-e2e-final.png') });
  });
});
