/** Launches Debian's Chromium through playwright-core for end-to-end tests: headless, no sandbox, no network chatter. */
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';
import { chromiumPath } from '../../runtime/setup/chromium.js';

/** Flags that keep a CI browser quiet: no GPU, no background downloads, no first-run UI. */
export const chromiumArgs = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Containers often have a 64 MB /dev/shm, which crashes renderers on large pages.
  '--disable-dev-shm-usage',
];

/** A headless Chromium; close it with `browser.close()` (e.g. in `afterAll`). */
export async function launchBrowser(options: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: await chromiumPath(),
    headless: true,
    ...options,
    args: [...chromiumArgs, ...(options.args ?? [])],
  });
}
