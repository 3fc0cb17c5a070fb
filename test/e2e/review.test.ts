/** End to end, as MLR review happens: a manager submits v2, a medical reviewer reads it rendered and diffed and comments, v3 answers, three reviewers sign, the manager publishes. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.js';
import { startTestCarepath, TEST_PASSWORD, type TestCarepath } from '../support/carepath.js';

const JOURNEY = 'First-dose check-in';
const PASSWORD = 'review-e2e-password';

/** The author holds a medical review discipline too, so the only rule that can stop her signing is that she wrote the version. */
const people = {
  author: {
    email: 'priya@example.org',
    name: 'Priya Patel',
    roles: ['program-manager', 'compliance-reviewer'],
    discipline: 'medical',
  },
  medical: { email: 'maya@example.org', name: 'Dr. Maya Chen', roles: ['compliance-reviewer'], discipline: 'medical' },
  legal: { email: 'leo@example.org', name: 'Leo Alvarez', roles: ['compliance-reviewer'], discipline: 'legal' },
  regulatory: {
    email: 'rita@example.org',
    name: 'Rita Okoye',
    roles: ['compliance-reviewer'],
    discipline: 'regulatory',
  },
} as const;
type Person = keyof typeof people;

let carepath: TestCarepath;
let browser: Browser;
const contexts: BrowserContext[] = [];
let authorPage: Page;
let journeyId: string;

/** A session on the HTTP API as one person, as a script or another system would hold it (no browser, so no Origin). */
async function apiSession(email: string, password: string) {
  const login = await fetch(`${carepath.url}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  expect(login.status, `login of ${email}`).toBe(200);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${carepath.url}/api${path}`, {
      method,
      headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
}

/** A browser window logged in as one person. */
async function openAs(person: Person): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1100 } });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(carepath.url);
  await page.getByTestId('login-email').fill(people[person].email);
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await expect.poll(() => page.getByTestId('current-user').textContent()).toBe(people[person].name);
  return page;
}

/** Opens a version's review from the reviewer's queue, as a reviewer finds it. */
async function openFromQueue(page: Page, versionNumber: number) {
  await page.getByTestId('nav-reviews').click();
  const link = page.getByRole('link', { name: `${JOURNEY} v${versionNumber}`, exact: true });
  await expect.poll(() => link.count(), { timeout: 15_000 }).toBe(1);
  await link.click();
  await expect.poll(() => page.getByTestId('review-version-number').textContent()).toBe(`v${versionNumber}`);
}

/** The version row of the journey's versions panel in the editor. */
const versionRow = (page: Page, n: number) => page.getByTestId(`version-${n}`);

async function signInUi(page: Page, decision: 'approve' | 'reject', reason?: string) {
  await page.getByTestId('sign-open').click();
  const dialog = page.getByTestId('signature-dialog');
  await page.getByTestId(`signature-${decision}`).check();
  if (reason) await page.getByTestId('signature-reason').fill(reason);
  await page.getByTestId('signature-password').fill(PASSWORD);
  await page.getByTestId('signature-submit').click();
  await expect.poll(() => dialog.count()).toBe(0);
}

beforeAll(async () => {
  carepath = await startTestCarepath({ loadExamples: true });
  browser = await launchBrowser();
  const admin = await apiSession(carepath.login.email, TEST_PASSWORD);
  for (const person of Object.values(people)) {
    const created = await admin('POST', '/users', { ...person, password: PASSWORD });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
  }
  // Version 1 was reviewed and published before this story starts: it is what version 2 is compared with.
  const author = await apiSession(people.author.email, PASSWORD);
  const { journeys } = (await author('GET', '/journeys')).body as { journeys: Array<{ id: string; name: string }> };
  journeyId = journeys.find((j) => j.name === JOURNEY)!.id;
  const v1 = (await author('POST', `/journeys/${journeyId}/versions`)).body.version as { id: string };
  expect((await author('POST', `/versions/${v1.id}/submit`)).status).toBe(200);
  for (const discipline of ['medical', 'legal', 'regulatory'] as const) {
    const reviewer = await apiSession(people[discipline].email, PASSWORD);
    const signed = await reviewer('POST', `/versions/${v1.id}/signatures`, {
      password: PASSWORD,
      discipline,
      decision: 'approve',
      meaning: `Reviewed for ${discipline}; approved.`,
    });
    expect(signed.status, JSON.stringify(signed.body)).toBe(201);
  }
  expect((await author('POST', `/versions/${v1.id}/publish`)).status).toBe(200);
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await carepath?.close();
});

describe('compliance review of a journey version, with electronic signatures', () => {
  it('the program manager changes the welcome SMS and submits version 2 for review', async () => {
    authorPage = await openAs('author');
    await authorPage.goto(`${carepath.url}/#/journeys/${journeyId}`);
    await authorPage.getByTestId('editor').waitFor();
    await expect.poll(() => versionRow(authorPage, 1).getAttribute('data-status')).toBe('published');
    await authorPage.getByTestId('step-node-welcome').click({ position: { x: 40, y: 30 } });
    await expect.poll(() => authorPage.getByTestId('inspector').getAttribute('data-step-id')).toBe('welcome');
    await authorPage
      .getByTestId('inspector-template')
      .fill("Hi {{ patient.firstName }}, welcome to your support program. We'll text you after your first dose.");
    await authorPage.getByTestId('save-draft').click();
    await expect.poll(() => authorPage.getByTestId('save-status').getAttribute('data-status')).toBe('saved');
    // Nothing approved holds this draft: Publish is not offered.
    expect(await authorPage.getByTestId('publish').isDisabled()).toBe(true);
    await authorPage.getByTestId('submit-for-review').click();
    await expect.poll(() => versionRow(authorPage, 2).getAttribute('data-status')).toBe('submitted');
    await expect
      .poll(() => versionRow(authorPage, 2).getByTestId('version-awaiting').textContent())
      .toContain('medical, legal, regulatory');
  });

  let medicalPage: Page;

  it('the medical reviewer finds version 2 in their queue and reads every message rendered for a sample patient', async () => {
    medicalPage = await openAs('medical');
    await openFromQueue(medicalPage, 2);
    // Read-only: no palette, no inspector, no save.
    expect(await medicalPage.getByTestId('save-draft').count()).toBe(0);
    expect(await medicalPage.locator('[data-testid^="palette-"]').count()).toBe(0);

    const welcome = medicalPage.getByTestId('rendered-body-welcome');
    await expect
      .poll(() => welcome.textContent())
      .toBe("Hi Maria, welcome to your support program. We'll text you after your first dose.");
    const segments = medicalPage.getByTestId('rendered-segments-welcome');
    expect(await segments.getAttribute('data-encoding')).toBe('GSM-7');
    expect(await segments.getAttribute('data-segments')).toBe('1');
    expect(await medicalPage.getByTestId('rendered-body-ask-first-dose').textContent()).toBe(
      'Did your first dose go well? Reply 1 for yes, 2 for no.',
    );

    // A name outside the GSM alphabet turns the SMS into UCS-2: the reviewer sees what the patient's phone pays for.
    await medicalPage.getByTestId('sample-patient-select').selectOption('zoe');
    await expect.poll(() => welcome.textContent()).toMatch(/^Hi Zoë, welcome/);
    expect(await segments.getAttribute('data-encoding')).toBe('UCS-2');
    expect(await segments.getAttribute('data-segments')).toBe('2');
  });

  it('sees the diff against version 1 on the canvas and word by word in the side panel', async () => {
    await expect.poll(() => medicalPage.getByTestId('diff-badge-welcome').textContent()).toBe('Changed (1 field)');
    expect(await medicalPage.getByTestId('review-step-welcome').getAttribute('data-diff')).toBe('changed');
    expect(await medicalPage.getByTestId('diff-badge-ask-first-dose').textContent()).toBe('Unchanged since v1');
    expect(await medicalPage.getByTestId('diff-badge-wait-two-days').textContent()).toBe('Unchanged since v1');

    await medicalPage.getByTestId('review-tab-changes').click();
    expect(await medicalPage.getByTestId('review-baseline').textContent()).toContain('Compared with v1');
    const fields = medicalPage.getByTestId('field-changes-welcome');
    expect(await fields.locator('dt').textContent()).toBe('Message text');
    expect((await fields.locator('del').allTextContents()).join(' ')).toMatch(/check in/);
    expect((await fields.locator('ins').allTextContents()).join(' ')).toMatch(/text you/);
  });

  it('comments on the question step, anchored to it, and asks for changes with a signed rejection', async () => {
    // By keyboard, as the workspace promises: focus the step on the canvas and press Enter.
    await medicalPage.locator('.react-flow__node[data-id="ask-first-dose"]').focus();
    await medicalPage.keyboard.press('Enter');
    await medicalPage.getByTestId('review-tab-comments').click();
    await expect
      .poll(() => medicalPage.getByTestId('review-comments').locator('.panel-title').textContent())
      .toBe('Comments on Did the first dose go well?');
    await medicalPage
      .getByTestId('comment-new-body')
      .fill('Please ask how the patient feels after the dose, not whether it "went well".');
    await medicalPage.getByTestId('comment-new-submit').click();
    await expect
      .poll(() => medicalPage.locator('[data-testid^="comment-thread-"]').getAttribute('data-step-id'))
      .toBe('ask-first-dose');

    await signInUi(medicalPage, 'reject', 'Reword the first-dose question; see my comment on that step.');
    await expect.poll(() => medicalPage.getByTestId('review-version-status').textContent()).toBe('changes-requested');
    expect(await medicalPage.getByTestId('signature-medical').getAttribute('data-decision')).toBe('reject');
  });

  it('the manager sees the request and the comment in the editor, changes the step, answers, resolves and submits version 3', async () => {
    await expect
      .poll(() => versionRow(authorPage, 2).getAttribute('data-status'), { timeout: 20_000 })
      .toBe('changes-requested');
    expect(await versionRow(authorPage, 2).getByTestId('version-changes-requested').textContent()).toContain(
      'Reword the first-dose question',
    );
    await authorPage.getByTestId('version-comments-2').click();
    const thread = authorPage.locator('[data-testid^="comment-thread-"]');
    await expect.poll(() => thread.textContent()).toContain('Please ask how the patient feels');
    await authorPage.locator('[data-testid^="comment-step-"]').click();
    await expect.poll(() => authorPage.getByTestId('inspector').getAttribute('data-step-id')).toBe('ask-first-dose');
    await authorPage
      .getByTestId('inspector-template')
      .fill('How do you feel after your first dose? Reply 1 if fine, 2 if you would like a nurse to call.');
    await authorPage.getByTestId('save-draft').click();
    await expect.poll(() => authorPage.getByTestId('save-status').getAttribute('data-status')).toBe('saved');

    const threadId = (await thread.getAttribute('data-testid'))!.replace('comment-thread-', '');
    await authorPage.getByTestId(`comment-reply-${threadId}-body`).fill('Reworded in version 3.');
    await authorPage.getByTestId(`comment-reply-${threadId}-submit`).click();
    await expect.poll(() => thread.textContent()).toContain('Reworded in version 3.');
    await authorPage.getByTestId(`comment-resolve-${threadId}`).click();
    await expect.poll(() => thread.getAttribute('data-resolved')).toBe('true');

    await authorPage.getByTestId('submit-for-review').click();
    await expect.poll(() => versionRow(authorPage, 3).getAttribute('data-status')).toBe('submitted');
  });

  it("refuses the author's own signature, in the designer and in the API", async () => {
    const v3Id = (await versionRow(authorPage, 3).getAttribute('data-version-id'))!;
    await authorPage.getByTestId('version-review-3').click();
    await expect
      .poll(() => authorPage.getByTestId('cannot-sign').textContent())
      .toContain('You authored or edited this version');
    expect(await authorPage.getByTestId('sign-open').count()).toBe(0);

    const author = await apiSession(people.author.email, PASSWORD);
    const refused = await author('POST', `/versions/${v3Id}/signatures`, {
      password: PASSWORD,
      discipline: 'medical',
      decision: 'approve',
      meaning: 'I approve my own work.',
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('signer-edited-version');
    expect((await author('GET', `/versions/${v3Id}/signatures`)).body.signatures).toEqual([]);
  });

  it('three reviewers sign version 3; a wrong password is refused in plain words and signs nothing', async () => {
    await openFromQueue(medicalPage, 3);
    await expect
      .poll(() => medicalPage.getByTestId('diff-badge-ask-first-dose').textContent())
      .toBe('Changed (1 field)');
    await medicalPage.getByTestId('sign-open').click();
    expect(await medicalPage.getByTestId('signature-printed-name').textContent()).toBe(people.medical.name);
    expect(await medicalPage.getByTestId('signature-discipline').textContent()).toBe('medical');
    expect(await medicalPage.getByTestId('signature-hash').textContent()).toMatch(/^[a-z0-9-]+:[0-9a-f]{64}$/);
    expect(await medicalPage.getByTestId('signature-meaning').inputValue()).toMatch(/medical.*I approve it/);
    await medicalPage.getByTestId('signature-password').fill('not my password');
    await medicalPage.getByTestId('signature-submit').click();
    await expect
      .poll(() => medicalPage.getByTestId('signature-error').textContent())
      .toMatch(/password is not right\. Nothing was signed/);
    await medicalPage.getByTestId('signature-cancel').click();
    expect(await medicalPage.getByTestId('discipline-medical').getAttribute('data-signed')).toBe('awaiting');
    await signInUi(medicalPage, 'approve');
    await expect.poll(() => medicalPage.getByTestId('discipline-medical').getAttribute('data-signed')).toBe('approve');

    for (const discipline of ['legal', 'regulatory'] as const) {
      const page = await openAs(discipline);
      await openFromQueue(page, 3);
      await signInUi(page, 'approve');
      await expect.poll(() => page.getByTestId(`discipline-${discipline}`).getAttribute('data-signed')).toBe('approve');
    }
  });

  it('the manager publishes the approved version 3, its three signatures shown on it', async () => {
    await authorPage.goto(`${carepath.url}/#/journeys/${journeyId}`);
    await authorPage.getByTestId('editor').waitFor();
    await expect
      .poll(() => versionRow(authorPage, 3).getAttribute('data-status'), { timeout: 20_000 })
      .toBe('approved');
    const signatures = authorPage.getByTestId('version-signatures-3');
    expect(await signatures.locator('[data-decision="approve"]').count()).toBe(3);
    expect(await signatures.textContent()).toContain(people.regulatory.name);
    await expect.poll(() => authorPage.getByTestId('publish').textContent()).toBe('Publish v3');
    await authorPage.getByTestId('publish').click();
    expect(await authorPage.getByTestId('publish-confirm-supersedes').textContent()).toContain('supersedes v1');
    await authorPage.getByTestId('publish-confirmed').click();
    await expect.poll(() => versionRow(authorPage, 3).getAttribute('data-status')).toBe('published');
    await expect.poll(() => versionRow(authorPage, 1).getAttribute('data-status')).toBe('superseded');
  });
});
