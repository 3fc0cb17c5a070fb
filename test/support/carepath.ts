/** Carepath started for an end-to-end test: its own data folder, a free port, a local Temporal dev server, the built designer. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { configFromEnv } from '../../runtime/config.js';
import { startCarepath, type RunningCarepath } from '../../runtime/carepath.js';

export const TEST_PASSWORD = 'e2e-password';

export interface TestCarepath extends RunningCarepath {
  dataDir: string;
  /** Stops Carepath and removes its data folder. */
  close(): Promise<void>;
}

export async function startTestCarepath(options: { loadExamples: boolean }): Promise<TestCarepath> {
  const designerDir = resolve('dist/designer');
  if (!existsSync(join(designerDir, 'index.html')))
    throw new Error('The designer is not built; run the tests with `npm test`, which builds it first.');
  const dataDir = mkdtempSync(join(tmpdir(), 'carepath-e2e-'));
  const config = {
    ...configFromEnv({
      ...process.env,
      PORT: '0',
      CAREPATH_DATA_DIR: dataDir,
      CAREPATH_ADMIN_PASSWORD: TEST_PASSWORD,
      TEMPORAL_ADDRESS: '',
    }),
    designerDir,
    loadExamples: options.loadExamples,
  };
  const carepath = await startCarepath(config);
  return {
    ...carepath,
    dataDir,
    async close() {
      await carepath.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Logs in through the designer's form as the local admin. */
export async function logIn(page: Page, carepath: RunningCarepath): Promise<void> {
  await page.goto(carepath.url);
  await page.getByTestId('login-email').fill(carepath.login.email);
  await page.getByTestId('login-password').fill(TEST_PASSWORD);
  await page.getByTestId('login-submit').click();
}
