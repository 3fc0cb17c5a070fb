/** End to end: every example journey, loaded on first start, opens in the designer with every step on the canvas and no problems. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { configFromEnv } from '../../runtime/config.js';
import { startCarepath, type RunningCarepath } from '../../runtime/carepath.js';
import { launchBrowser } from '../support/browser.js';

const designerDir = resolve('dist/designer');
const examplesDir = resolve('examples/journeys');
const examples = readdirSync(examplesDir).filter((f) => f.endsWith('.journey.json')).map((f) => JSON.parse(readFileSync(join(examplesDir, f), 'utf8')) as { name: string; steps: Record<string, unknown> });
let carepath: RunningCarepath;
let browser: Browser;
let page: Page;
let dataDir: string;

beforeAll(async () => {
  if (!existsSync(join(designerDir, 'index.html'))) throw new Error('The designer is not built; run the tests with `npm test`, which builds it first.');
  dataDir = mkdtempSync(join(tmpdir(), 'carepath-e2e-examples-'));
  carepath = await startCarepath({ ...configFromEnv({ ...process.env, PORT: '0', CAREPATH_DATA_DIR: dataDir, CAREPATH_ADMIN_PASSWORD: 'e2e-password', TEMPORAL_ADDRESS: '' }), designerDir, loadExamples: true });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  await page.goto(carepath.url);
  await page.getByTestId('login-email').fill(carepath.login.email);
  await page.getByTestId('login-password').fill('e2e-password');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('journeys-table').waitFor();
});

afterAll(async () => {
  await browser?.close();
  await carepath?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
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
      await expect.poll(() => page.locator('[data-testid^="step-node-"]').count()).toBe(Object.keys(example.steps).length);
      await expect.poll(() => page.getByTestId('problems-none').count()).toBe(1);
    });
  }
});
