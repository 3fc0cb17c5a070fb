/** End to end in Chromium: a readable canvas. Palette presses build a connected column below the selected step, Tidy up is one undo, cards keep their size, the minimap hides, far zoom shows titles only. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { closeE2eSession, openE2eSession } from '../support/e2e-session.js';
import { logIn, type TestCarepath } from '../support/carepath.js';

let carepath: TestCarepath;
let browser: Browser;
let page: Page;

beforeAll(async () => ({ carepath, browser, page } = await openE2eSession({ loadExamples: false })));
afterAll(() => closeE2eSession({ carepath, browser }));

const byTestId = (id: string) => page.getByTestId(id);
const box = async (id: string) => (await byTestId(id).boundingBox())!;
const edge = (source: string, output: string) => page.locator(`[data-testid="rf__edge-${source}:${output}"]`);

async function pressPalette(type: string, expectedId: string) {
  await byTestId(`palette-${type}`).click();
  await expect.poll(() => byTestId(`step-node-${expectedId}`).count()).toBe(1);
  await expect.poll(() => byTestId('inspector').getAttribute('data-step-id')).toBe(expectedId);
}

describe('a readable canvas', () => {
  it('adds each pressed step below the selected one, connected, as one undoable change', async () => {
    await logIn(page, carepath);
    await byTestId('new-journey-name').fill('Refill reminder');
    await byTestId('new-journey-submit').click();
    await expect.poll(() => byTestId('editor').count()).toBe(1);

    await pressPalette('message', 'message-1');
    await pressPalette('wait', 'wait-1');
    await pressPalette('end', 'end-1');
    await expect.poll(() => edge('message-1', 'next').count()).toBe(1);
    await expect.poll(() => edge('wait-1', 'next').count()).toBe(1);
    const [message, wait, end] = [
      await box('step-node-message-1'),
      await box('step-node-wait-1'),
      await box('step-node-end-1'),
    ];
    expect(wait.y).toBeGreaterThan(message.y + message.height);
    expect(end.y).toBeGreaterThan(wait.y + wait.height);

    await byTestId('undo').click();
    await expect.poll(() => byTestId('step-node-end-1').count()).toBe(0);
    expect(await edge('wait-1', 'next').count()).toBe(0);
    await byTestId('redo').click();
    await expect.poll(() => edge('wait-1', 'next').count()).toBe(1);
  });

  it('keeps a card the same size when it has problems: a badge, not a list', async () => {
    // The new message has no text yet: a problem on the card and in the list.
    await expect.poll(() => byTestId('problem-badge-message-1').count()).toBe(1);
    const withProblem = await box('step-node-message-1');
    await byTestId('step-node-message-1').click({ position: { x: 40, y: 30 } });
    await byTestId('inspector-template').fill('Your refill is due in three days. Reply 1 to refill.');
    await expect.poll(() => byTestId('problem-badge-message-1').count()).toBe(0);
    const fixed = await box('step-node-message-1');
    expect(Math.abs(fixed.height - withProblem.height)).toBeLessThanOrEqual(20);
  });

  it('tidies a messy canvas up in one undoable change', async () => {
    // Drag the wait far off to the side, as a hurried author would.
    const wait = await box('step-node-wait-1');
    await page.mouse.move(wait.x + 60, wait.y + 20);
    await page.mouse.down();
    await page.mouse.move(wait.x + 400, wait.y - 60, { steps: 8 });
    await page.mouse.up();
    const messy = await box('step-node-wait-1');
    expect(messy.x).toBeGreaterThan(wait.x + 200);

    await byTestId('tidy-up').click();
    await expect.poll(async () => Math.abs((await box('step-node-wait-1')).x - messy.x)).toBeGreaterThan(100);
    const [message, tidied, end] = [
      await box('step-node-message-1'),
      await box('step-node-wait-1'),
      await box('step-node-end-1'),
    ];
    expect(tidied.y).toBeGreaterThan(message.y + message.height);
    expect(end.y).toBeGreaterThan(tidied.y + tidied.height);
    expect(Math.abs(tidied.x + tidied.width / 2 - (message.x + message.width / 2))).toBeLessThan(5);

    await byTestId('undo').click();
    await expect.poll(async () => Math.round((await box('step-node-wait-1')).x)).toBe(Math.round(messy.x));
  });

  it('hides the minimap on request', async () => {
    await expect.poll(() => page.locator('.react-flow__minimap').count()).toBe(1);
    await byTestId('toggle-minimap').click();
    await expect.poll(() => page.locator('.react-flow__minimap').count()).toBe(0);
    expect(await byTestId('toggle-minimap').getAttribute('aria-pressed')).toBe('false');
    await byTestId('toggle-minimap').click();
    await expect.poll(() => page.locator('.react-flow__minimap').count()).toBe(1);
  });

  it('shows only a large title and the type at low zoom', async () => {
    expect(await byTestId('canvas').getAttribute('data-zoom-detail')).toBe('near');
    for (let i = 0; i < 8 && (await byTestId('canvas').getAttribute('data-zoom-detail')) !== 'far'; i++)
      await page.locator('.react-flow__controls-zoomout').click();
    expect(await byTestId('canvas').getAttribute('data-zoom-detail')).toBe('far');
    const card = byTestId('step-node-message-1');
    expect(await card.locator('.step-node__template').isVisible()).toBe(false);
    expect(await card.locator('.step-node__name').isVisible()).toBe(true);
    expect(await card.locator('.step-node__type').isVisible()).toBe(true);
  });
});
