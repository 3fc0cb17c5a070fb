/** One Carepath and one Chromium page for an end-to-end test file: opened before its tests, closed after. */
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser.js';
import { startTestCarepath, type TestCarepath } from './carepath.js';

export interface E2eSession {
  carepath: TestCarepath;
  browser: Browser;
  page: Page;
}

export async function openE2eSession(options: {
  loadExamples: boolean;
  viewport?: { width: number; height: number };
}): Promise<E2eSession> {
  const carepath = await startTestCarepath({ loadExamples: options.loadExamples });
  const browser = await launchBrowser();
  const viewport = options.viewport ?? { width: 1600, height: 1000 };
  const page = await (await browser.newContext({ viewport })).newPage();
  return { carepath, browser, page };
}

/** Closes what `openE2eSession` opened; safe when opening failed part-way. */
export async function closeE2eSession(session: Partial<E2eSession>): Promise<void> {
  await session.browser?.close();
  await session.carepath?.close();
}
