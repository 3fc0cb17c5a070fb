/** End to end in Chromium: axe-core finds no serious or critical accessibility violation on any screen: login, journeys, the editor and its panels, reviews, tasks, patients, contact hygiene, connectors, administration. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import type { AxeResults } from 'axe-core';
import { closeE2eSession, openE2eSession } from '../support/e2e-session.js';
import { logIn, type TestCarepath } from '../support/carepath.js';

/** The engine's browser bundle, injected into the page under test (no network, no CDN). */
const axeScript = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let carepath: TestCarepath;
let browser: Browser;
let page: Page;

beforeAll(async () => ({ carepath, browser, page } = await openE2eSession({ loadExamples: true })));
afterAll(() => closeE2eSession({ carepath, browser }));

/** Runs axe on the page as it is now; returns the serious and critical violations, one readable line each. */
async function seriousViolations(): Promise<string[]> {
  await page.addScriptTag({ path: axeScript });
  const results = (await page.evaluate(() =>
    (window as unknown as { axe: { run: (context: Document, options: object) => Promise<unknown> } }).axe.run(
      document,
      {
        resultTypes: ['violations'],
      },
    ),
  )) as AxeResults;
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.impact} ${v.id}: ${v.help} at ${n.target.join(' ')}`));
}

describe('accessibility (axe-core: no serious or critical violation)', () => {
  it('on the login screen', async () => {
    await page.goto(carepath.url);
    await page.getByTestId('login-email').waitFor();
    expect(await seriousViolations()).toEqual([]);
  });

  it('on the journeys list', async () => {
    await logIn(page, carepath);
    await page.getByTestId('new-journey-name').waitFor();
    await page.locator('[data-testid^="journey-row-"] a').first().waitFor();
    expect(await seriousViolations()).toEqual([]);
  });

  it('in the editor, with a journey on the canvas and a step selected', async () => {
    await page.locator('[data-testid^="journey-row-"] a').first().click();
    await page.getByTestId('editor').waitFor();
    const firstStep = page.locator('[data-testid^="step-node-"]').first();
    await firstStep.waitFor();
    await firstStep.click({ position: { x: 40, y: 30 } });
    await page.getByTestId('inspector').waitFor();
    expect(await seriousViolations()).toEqual([]);
  });

  it('in the editor with the journey settings open, and at far zoom', async () => {
    await page.getByTestId('journey-settings-open').click();
    await page.getByTestId('journey-form').waitFor();
    expect(await seriousViolations()).toEqual([]);
    for (let i = 0; i < 8 && (await page.getByTestId('canvas').getAttribute('data-zoom-detail')) !== 'far'; i++)
      await page.locator('.react-flow__controls-zoomout').click();
    expect(await seriousViolations()).toEqual([]);
  });

  it("in the inspector's questionnaire builder, with a question, its answers, a band and the import panel", async () => {
    await page.getByTestId('palette-assessment').click();
    const builder = (id: string) => page.getByTestId(`field-questionnaire-builder-${id}`);
    await builder('add').click();
    await builder('item-0-option-add').click();
    await builder('add').click();
    await builder('bands-add').click();
    await builder('import').click();
    await builder('import-panel-text').waitFor();
    expect(await seriousViolations()).toEqual([]);
  });

  // The local login holds every role, so it reaches every screen; the example journeys give them content.
  const screens: Array<[string, string, string]> = [
    ['the review queue', '#/reviews', 'review-queue'],
    ["the care team's task queue", '#/tasks', 'tasks-page'],
    ['the patients screen', '#/patients', 'patients-page'],
    ['the contact hygiene report', '#/hygiene', 'hygiene-page'],
    ['the connectors screen', '#/connectors', 'connectors-page'],
    ['the administration screen', '#/admin', 'admin-page'],
  ];
  for (const [name, hash, testId] of screens)
    it(`on ${name}`, async () => {
      await page.goto(`${carepath.url}/${hash}`);
      await page.getByTestId(testId).waitFor();
      expect(await seriousViolations()).toEqual([]);
    });
});
