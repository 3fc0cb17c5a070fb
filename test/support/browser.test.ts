/** Proves Debian's Chromium launches through playwright-core and renders a page. */
import { describe, expect, it } from 'vitest';
import { launchBrowser } from './browser.js';

describe('launchBrowser', () => {
  it('renders and screenshots a page', async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: { width: 320, height: 200 } });
      await page.goto('data:text/html,<title>carepath</title><h1 style="color:rgb(200,0,0)">Hello</h1>');
      expect(await page.title()).toBe('carepath');
      expect(await page.locator('h1').evaluate((el) => getComputedStyle(el).color)).toBe('rgb(200, 0, 0)');
      const png = await page.screenshot();
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect(png.length).toBeGreaterThan(500);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
