/** End to end in Chromium, without the mouse: palette, canvas, inspector and a dialog work from the keyboard, and focus is always visible. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { closeE2eSession, openE2eSession } from '../support/e2e-session.js';
import { logIn, type TestCarepath } from '../support/carepath.js';
import { localLoginApi } from '../support/local-api.js';
import { snapshotApprovedVersion } from '../support/publish.js';

let carepath: TestCarepath;
let browser: Browser;
let page: Page;

beforeAll(async () => ({ carepath, browser, page } = await openE2eSession({ loadExamples: false })));
afterAll(() => closeE2eSession({ carepath, browser }));

const call = localLoginApi(() => carepath);
const byTestId = (id: string) => page.getByTestId(id);
const focusedTestId = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid'));
const edge = (source: string, output: string) => page.locator(`[data-testid="rf__edge-${source}:${output}"]`);
const inspectedStep = () => byTestId('inspector').getAttribute('data-step-id');

/** The outline the focused element (or, for a canvas step, its card) draws: never none while the keyboard is on it. */
const focusOutline = () =>
  page.evaluate(() => {
    const focused = document.activeElement as HTMLElement;
    const shown = focused.querySelector('.step-node') ?? focused;
    return getComputedStyle(shown).outlineStyle;
  });

describe('the designer from the keyboard', () => {
  it('adds steps from the palette with Enter, each below the selected one and connected', async () => {
    await logIn(page, carepath);
    await byTestId('new-journey-name').focus();
    await page.keyboard.type('Keyboard check-in');
    await page.keyboard.press('Enter');
    await byTestId('editor').waitFor();

    await byTestId('palette-message').focus();
    await page.keyboard.press('Enter');
    await expect.poll(inspectedStep).toBe('message-1');
    await byTestId('inspector-template').focus();
    await page.keyboard.type('Hi {{ patient.firstName }}, how are you today?');

    await byTestId('palette-end').focus();
    expect(await focusOutline()).not.toBe('none');
    await page.keyboard.press('Enter');
    await expect.poll(inspectedStep).toBe('end-1');
    await expect.poll(() => edge('message-1', 'next').count()).toBe(1);
  });

  it('selects a step on the canvas with Tab and Enter, with its focus visible', async () => {
    const node = page.locator('.react-flow__node[data-id="message-1"]');
    await node.focus();
    expect(await focusOutline()).not.toBe('none');
    await page.keyboard.press('Enter');
    await expect.poll(inspectedStep).toBe('message-1');
  });

  it('connects and disconnects an output from the inspector\'s "Leads to" list', async () => {
    const failed = byTestId('output-target-failed');
    await failed.focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => edge('message-1', 'failed').count()).toBe(1);
    expect(await failed.inputValue()).toBe('end-1');
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => edge('message-1', 'failed').count()).toBe(0);
    await expect.poll(() => byTestId('problems-none').count(), { timeout: 10_000 }).toBe(1);
  });

  it('keeps Tab inside a dialog, closes it with Escape, and gives focus back to what opened it', async () => {
    await byTestId('save-draft').click();
    await expect.poll(() => byTestId('save-status').getAttribute('data-status')).toBe('saved');
    const journeyId = (await byTestId('editor').getAttribute('data-journey-id'))!;
    await snapshotApprovedVersion(carepath, call, journeyId);
    await page.reload();
    const opener = byTestId('publish-version-1');
    await opener.focus();
    await page.keyboard.press('Enter');
    await byTestId('publish-confirm').waitFor();
    await expect.poll(focusedTestId).toBe('publish-confirmed');
    // Twenty presses of Tab cycle through the dialog's controls and never leave it.
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press(i % 3 === 0 ? 'Shift+Tab' : 'Tab');
      expect(await page.evaluate(() => Boolean(document.activeElement?.closest('[role="dialog"]')))).toBe(true);
      expect(await focusOutline()).not.toBe('none');
    }
    await page.keyboard.press('Escape');
    await expect.poll(() => byTestId('publish-confirm').count()).toBe(0);
    expect(await focusedTestId()).toBe('publish-version-1');
    expect(await byTestId('version-1').getAttribute('data-status')).toBe('approved');
  });
});
