/** End to end in Chromium: never lose work. An assessment with a half-written questionnaire saves and survives a reload; a save that lost to a colleague's keeps both versions. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { closeE2eSession, openE2eSession } from '../support/e2e-session.js';
import { logIn, TEST_PASSWORD, type TestCarepath } from '../support/carepath.js';

let carepath: TestCarepath;
let browser: Browser;
let page: Page;

beforeAll(async () => ({ carepath, browser, page } = await openE2eSession({ loadExamples: false })));
afterAll(() => closeE2eSession({ carepath, browser }));

const byTestId = (id: string) => page.getByTestId(id);

/** Valid JSON, not yet a valid FHIR Questionnaire: the item has no text and no type. */
const halfWritten = { resourceType: 'Questionnaire', status: 'draft', item: [{ linkId: 'worry' }] };

/** Request headers with a session of the local login, for calls from outside the browser. */
async function apiHeaders() {
  const login = await fetch(`${carepath.url}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: carepath.login.email, password: TEST_PASSWORD }),
  });
  return { 'content-type': 'application/json', cookie: login.headers.get('set-cookie')!.split(';')[0] };
}

/** Another program manager's save, outside this browser, through the API. */
async function colleagueSaves(journeyId: string, rename: string) {
  const headers = await apiHeaders();
  const { journey } = await (await fetch(`${carepath.url}/api/journeys/${journeyId}`, { headers })).json();
  const saved = await fetch(`${carepath.url}/api/journeys/${journeyId}/draft`, {
    method: 'PUT',
    headers,
    body: JSON.stringify({ document: { ...journey.draft, name: rename }, baseRevision: journey.draftRevision }),
  });
  expect(saved.status).toBe(200);
}

describe('never lose work', () => {
  let journeyId: string;

  it('saves an assessment whose questionnaire is not valid yet, and shows it as left after a reload', async () => {
    await logIn(page, carepath);
    await byTestId('new-journey-name').fill('Anxiety follow-up');
    await byTestId('new-journey-submit').click();
    await expect.poll(() => byTestId('editor').count()).toBe(1);
    journeyId = (await byTestId('editor').getAttribute('data-journey-id'))!;

    await byTestId('palette-assessment').click();
    await expect.poll(() => byTestId('step-node-assessment-1').count()).toBe(1);
    await expect.poll(() => byTestId('inspector').getAttribute('data-step-id')).toBe('assessment-1');
    await byTestId('field-questionnaire-view-json').click();
    await byTestId('field-questionnaire-json').fill(JSON.stringify(halfWritten, null, 2));
    await expect.poll(() => byTestId('field-questionnaire-summary').textContent()).toBe('Not a questionnaire yet');
    // The problem is shown, and the draft is saved all the same.
    await expect.poll(() => byTestId('problem-badge-assessment-1').count()).toBe(1);
    await expect.poll(() => byTestId('save-status').getAttribute('data-status'), { timeout: 10_000 }).toBe('saved');

    await page.reload();
    await expect.poll(() => byTestId('step-node-assessment-1').count(), { timeout: 10_000 }).toBe(1);
    await byTestId('step-node-assessment-1').click({ position: { x: 40, y: 30 } });
    await expect.poll(() => byTestId('inspector').getAttribute('data-step-id')).toBe('assessment-1');
    await byTestId('field-questionnaire-view-json').click();
    expect(JSON.parse(await byTestId('field-questionnaire-json').inputValue())).toEqual(halfWritten);
    await expect.poll(() => byTestId('problem-badge-assessment-1').count()).toBe(1);
    expect(await byTestId('snapshot-version').isDisabled()).toBe(true);
  });

  it('on a save conflict loads the colleague’s draft, says who saved, and restores mine on request', async () => {
    await colleagueSaves(journeyId, 'Anxiety follow-up (colleague)');
    await byTestId('journey-name').fill('Anxiety follow-up (mine)');
    await byTestId('save-draft').click();

    await expect.poll(() => byTestId('save-status').getAttribute('data-status'), { timeout: 10_000 }).toBe('conflict');
    await expect.poll(() => byTestId('draft-conflict').textContent()).toMatch(/saved this draft at/);
    expect(await byTestId('journey-name').inputValue()).toBe('Anxiety follow-up (colleague)');

    // My copy survives a reload (kept in the browser), and comes back on request.
    await page.reload();
    await expect.poll(() => byTestId('restore-my-version').count(), { timeout: 10_000 }).toBe(1);
    await byTestId('restore-my-version').click();
    expect(await byTestId('journey-name').inputValue()).toBe('Anxiety follow-up (mine)');
    await expect.poll(() => byTestId('save-status').getAttribute('data-status'), { timeout: 10_000 }).toBe('saved');
    expect(await byTestId('draft-conflict').count()).toBe(0);

    await page.reload();
    await expect
      .poll(() => byTestId('journey-name').inputValue(), { timeout: 10_000 })
      .toBe('Anxiety follow-up (mine)');
    await expect.poll(() => byTestId('step-node-assessment-1').count()).toBe(1);
  });

  it('opens a draft written by hand through the API, half-formed steps included, with its problems shown', async () => {
    const headers = await apiHeaders();
    const created = await fetch(`${carepath.url}/api/journeys`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ name: 'Hand-written' }),
    });
    const id = (await created.json()).journey.id;
    const draft = { schemaVersion: 2, name: 'Hand-written', start: 'hello', steps: { hello: { type: 'message' } } };
    const saved = await fetch(`${carepath.url}/api/journeys/${id}/draft`, {
      method: 'PUT',
      headers,
      body: JSON.stringify({ document: draft }),
    });
    expect(saved.status).toBe(200);
    await page.goto(`${carepath.url}/#/journeys/${id}`);
    await expect.poll(() => byTestId('step-node-hello').count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => byTestId('problem-badge-hello').count()).toBe(1);
  });
});
