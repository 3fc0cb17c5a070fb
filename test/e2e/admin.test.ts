/** End to end, as an admin would: create a medical reviewer on the admin screen, disable them, verify and export the audit trail. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { closeE2eSession, openE2eSession } from '../support/e2e-session.js';
import { logIn, type TestCarepath } from '../support/carepath.js';

let carepath: TestCarepath;
let browser: Browser;
let page: Page;

beforeAll(
  async () =>
    ({ carepath, browser, page } = await openE2eSession({
      loadExamples: false,
      viewport: { width: 1400, height: 1000 },
    })),
);
afterAll(() => closeE2eSession({ carepath, browser }));

const byTestId = (id: string) => page.getByTestId(id);
const REVIEWER = { email: 'rosa@reviewers.example.org', name: 'Rosa Regulatory', password: 'rosa-reviews-2026' };

async function loginAs(email: string, password: string) {
  return fetch(`${carepath.url}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
}

describe('the admin screen', () => {
  it('creates a regulatory reviewer who can then log in', async () => {
    await logIn(page, carepath);
    await byTestId('nav-admin').click();
    await byTestId('user-new').click();
    await byTestId('user-email').fill(REVIEWER.email);
    await byTestId('user-name').fill(REVIEWER.name);
    await byTestId('user-password').fill(REVIEWER.password);
    await byTestId('user-role-compliance-reviewer').check();
    // A reviewer without a discipline cannot be saved; the form asks for one.
    await byTestId('user-discipline').selectOption('regulatory');
    await byTestId('user-save').click();
    const row = byTestId(`user-row-${REVIEWER.email}`);
    await row.waitFor();
    expect(await row.textContent()).toContain('compliance-reviewer');
    expect(await row.textContent()).toContain('regulatory');
    const login = await loginAs(REVIEWER.email, REVIEWER.password);
    expect(login.status).toBe(200);
    expect((await login.json()).user).toMatchObject({ roles: ['compliance-reviewer'], discipline: 'regulatory' });
  });

  it('shows the server refusing a password that is too short, and creates nobody', async () => {
    await byTestId('user-new').click();
    await byTestId('user-email').fill('short@example.org');
    await byTestId('user-name').fill('Short Password');
    // The browser's own minimum length would stop the form; remove it to see the server's answer.
    await byTestId('user-password').evaluate((input) => input.removeAttribute('minlength'));
    await byTestId('user-password').fill('short');
    await byTestId('user-role-engineer').check();
    await byTestId('user-save').click();
    expect(await byTestId('user-form-error').textContent()).toMatch(/at least 10 characters/);
    expect(await byTestId('user-row-short@example.org').count()).toBe(0);
  });

  it('disables the reviewer: their login is refused', async () => {
    await page.getByRole('button', { name: 'Cancel' }).click();
    const row = byTestId(`user-row-${REVIEWER.email}`);
    await row.getByTestId('user-toggle-disabled').click();
    await row.getByText('Disabled').waitFor();
    const refused = await loginAs(REVIEWER.email, REVIEWER.password);
    expect(refused.status).toBe(401);
    expect((await refused.json()).error.code).toBe('account-disabled');
  });

  it('verifies the audit trail and downloads it as CSV', async () => {
    await byTestId('audit-verify').click();
    expect(await byTestId('audit-verdict').textContent()).toMatch(/^Intact: \d+ records verified/);
    const [download] = await Promise.all([page.waitForEvent('download'), byTestId('audit-export-csv').click()]);
    const chunks: Buffer[] = [];
    for await (const chunk of (await download.createReadStream())!) chunks.push(chunk as Buffer);
    const csv = Buffer.concat(chunks).toString('utf8');
    expect(csv.split('\r\n')[0]).toBe('seq,at,actor,actorName,action,entityType,entityId,data,hash');
    expect(csv).toContain('user.created');
    expect(csv).toContain('user.disabled');
    expect(csv).not.toContain(REVIEWER.password);
  });

  it("gives a reviewer the audit trail's check and export, and no user management", async () => {
    const reviewer = { email: 'max@reviewers.example.org', password: 'max-reviews-2026' };
    await byTestId('user-new').click();
    await byTestId('user-email').fill(reviewer.email);
    await byTestId('user-name').fill('Max Medical');
    await byTestId('user-password').fill(reviewer.password);
    await byTestId('user-role-compliance-reviewer').check();
    await byTestId('user-discipline').selectOption('medical');
    await byTestId('user-save').click();
    await byTestId(`user-row-${reviewer.email}`).waitFor();

    const reviewerPage = await (await browser.newContext()).newPage();
    await reviewerPage.goto(carepath.url);
    await reviewerPage.getByTestId('login-email').fill(reviewer.email);
    await reviewerPage.getByTestId('login-password').fill(reviewer.password);
    await reviewerPage.getByTestId('login-submit').click();
    expect(await reviewerPage.getByTestId('nav-admin').textContent()).toBe('Audit trail');
    await reviewerPage.getByTestId('nav-admin').click();
    await reviewerPage.getByTestId('audit-verify').click();
    expect(await reviewerPage.getByTestId('audit-verdict').textContent()).toMatch(/^Intact: \d+ records verified/);
    expect(await reviewerPage.getByTestId('users-table').count()).toBe(0);
  });
});
