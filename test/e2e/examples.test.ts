/** End to end: every example journey, loaded on first start, opens in the designer with every step on the canvas and no problems. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.js';
import { logIn, startTestCarepath, type TestCarepath } from '../support/carepath.js';

const examplesDir = resolve('examples/journeys');
const examples = readdirSync(examplesDir)
  .filter((f) => f.endsWith('.journey.json'))
  .map(
    (f) => JSON.parse(readFileSync(join(examplesDir, f), 'utf8')) as { name: string; steps: Record<string, unknown> },
  );
let carepath: TestCarepath;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  carepath = await startTestCarepath({ loadExamples: true });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  await logIn(page, carepath);
  await page.getByTestId('journeys-table').waitFor();
});

afterAll(async () => {
  await browser?.close();
  await carepath?.close();
});

describe('the example journeys in the designer', () => {
  it('were loaded on first start', () => {
    expect(carepath.examples.sort()).toEqual(examples.map((e) => e.name).sort());
  });

  for (const example of examples) {
    it(`opens "${example.name}" with all ${Object.keys(example.steps).length} steps on the canvas and nothing to fix`, async () => {
      await page.getByTestId('nav-journeys').click();
      await page.getByRole('link', { name: example.name, exact: true }).click();
      await page.getByTestId('editor').waitFor();
      await expect
        .poll(() => page.locator('[data-testid^="step-node-"]').count())
        .toBe(Object.keys(example.steps).length);
      await expect.poll(() => page.getByTestId('problems-none').count()).toBe(1);
    });
  }
});
