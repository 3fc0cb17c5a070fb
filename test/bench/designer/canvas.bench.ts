/**
 * The designer at scale, in real Chromium: how long a 50- and a 500-step journey take to open, how many
 * frames per second the canvas draws while a step is dragged, and how long a keystroke in the inspector
 * takes to show in the problems list. Numbers for reading, never asserted.
 */
import { loadavg } from 'node:os';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../../support/browser.js';
import { logIn, startTestCarepath } from '../../support/carepath.js';
import type { BenchTable } from '../results-file.js';
import { largeJourney } from './large-journey.js';

export interface CanvasResult {
  steps: number;
  openMs: number;
  dragFps: number;
  keystrokeMs: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function createJourney(page: Page, steps: number): Promise<string> {
  const document = largeJourney(steps);
  return page.evaluate(async (doc) => {
    const response = await fetch('/api/journeys', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ name: doc.name, document: doc }),
    });
    if (!response.ok) throw new Error(`creating the journey: ${response.status} ${await response.text()}`);
    return ((await response.json()) as { journey: { id: string } }).journey.id;
  }, document);
}

/** From navigation until the canvas shows the journey's start and the problems list has its answer. */
async function open(page: Page, url: string, journeyId: string): Promise<number> {
  await page.goto('about:blank');
  const started = Date.now();
  await page.goto(`${url}/#/journeys/${journeyId}`);
  await page.waitForFunction(
    () =>
      document.querySelector('[data-testid="step-node-ask-0"]') !== null &&
      document.querySelector('[data-testid="problems-none"]') !== null,
    undefined,
    { polling: 'raf', timeout: 60_000 },
  );
  return Date.now() - started;
}

/** Drags one step across the canvas in small pointer moves while the page counts the frames it paints. */
async function drag(page: Page, stepId: string): Promise<number> {
  const node = page.getByTestId(`step-node-${stepId}`);
  const box = await node.boundingBox();
  if (!box) throw new Error(`step ${stepId} is not on screen`);
  const x = box.x + box.width / 2;
  const y = box.y + 14; // the header, away from the handles
  await page.evaluate(() => {
    const w = window as unknown as { frames_: number; counting: boolean };
    w.frames_ = 0;
    w.counting = true;
    const tick = () => {
      w.frames_++;
      if (w.counting) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await page.mouse.move(x, y);
  await page.mouse.down();
  const started = await page.evaluate(() => performance.now());
  const moves = 120;
  for (let i = 1; i <= moves; i++) {
    // Out and back, so the step ends where it started and the next drag finds its neighbours in place.
    const out = i <= moves / 2 ? i : moves - i;
    await page.mouse.move(x + out * 4, y + Math.sin(i / 10) * 30);
    // One move per frame, as a hand would: wait for the page to paint before the next.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined))));
  }
  const { frames, elapsed } = await page.evaluate((t0) => {
    const w = window as unknown as { frames_: number; counting: boolean };
    w.counting = false;
    return { frames: w.frames_, elapsed: performance.now() - t0 };
  }, started);
  await page.mouse.up();
  return (frames / elapsed) * 1000;
}

/** Types `{{` into a message's text, which breaks its template, and times the second key until the problems list shows it. */
async function keystroke(page: Page, stepId: string): Promise<number> {
  await page.getByTestId(`step-node-${stepId}`).click();
  const field = page.getByTestId('inspector-template');
  await field.click();
  await field.press('End');
  const samples: number[] = [];
  for (let i = 0; i < 5; i++) {
    const latency = page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const panel = document.querySelector('[data-testid="problems-panel"]')!;
          const before = panel.getAttribute('data-count');
          // Timed from the keystroke that makes the problem: the second `{` (the first alone is still valid text).
          let pressed = 0;
          let keys = 0;
          const onKey = () => {
            if (++keys < 2) return;
            pressed = performance.now();
            window.removeEventListener('keydown', onKey, { capture: true });
          };
          window.addEventListener('keydown', onKey, { capture: true });
          const observer = new MutationObserver(() => {
            if (pressed && panel.getAttribute('data-count') !== before) {
              observer.disconnect();
              resolve(performance.now() - pressed);
            }
          });
          observer.observe(panel, { attributes: true, subtree: true, childList: true });
        }),
    );
    // `{{` opens an output tag that never closes: a template problem. Backspace twice mends it for the next round.
    await field.press('{');
    await field.press('{');
    samples.push(await latency);
    await field.press('Backspace');
    await field.press('Backspace');
    await page.waitForFunction(() => document.querySelector('[data-testid="problems-none"]') !== null);
  }
  return median(samples);
}

export async function measureCanvas(sizes = [50, 500]): Promise<CanvasResult[]> {
  const carepath = await startTestCarepath({ loadExamples: false });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    // tsx compiles with esbuild's keepNames, which wraps functions passed to the page in a `__name` helper.
    await page.addInitScript('globalThis.__name = (fn) => fn;');
    await logIn(page, carepath);
    await page.getByTestId('new-journey-name').waitFor();
    const results: CanvasResult[] = [];
    for (const steps of sizes) {
      const journeyId = await createJourney(page, steps);
      const count = Object.keys(largeJourney(steps).steps).length;
      const opens: number[] = [];
      for (let i = 0; i < 3; i++) opens.push(await open(page, carepath.url, journeyId));
      await page.getByTestId('problems-none').waitFor();
      const keystrokeMs = await keystroke(page, 'ask-0');
      const fps = [await drag(page, 'thanks-0'), await drag(page, 'wait-0')];
      results.push({ steps: count, openMs: median(opens), dragFps: median(fps), keystrokeMs });
    }
    return results;
  } finally {
    await browser.close();
    await carepath.close();
  }
}

export async function benchDesignerCanvas(): Promise<BenchTable> {
  // The machine may be shared: its load when the run started says how far to trust the numbers.
  const load = loadavg()[0].toFixed(1);
  const results = await measureCanvas();
  return {
    title: 'Designer canvas',
    description: `
A journey of weekly check-ins (SMS question with yes/no/timeout, thanks SMS, help email, a week's wait, a tag
update) at 50 and 500 steps, opened in Debian's Chromium (headless, 1600×1000). Open: from navigation until the start
step is drawn and the problems list has its answer (median of 3; above 150 steps the canvas draws only the steps
in view). Drag: frames painted per second while a step is dragged in 120 pointer moves, one per
frame (median of 2 drags). Keystroke: from the key press that breaks a message's text (the second "{" of "{{") until the problems list changes
(median of 5). Goals at 500 steps: open < 1 s, drag ≥ 55 frames/s, keystroke ≤ 50 ms.`,
    header: ['load (1 min)', 'steps', 'open', 'drag', 'keystroke to problems'],
    rows: results.map((r) => [
      load,
      String(r.steps),
      `${r.openMs.toFixed(0)} ms`,
      `${r.dragFps.toFixed(1)} frames/s`,
      `${r.keystrokeMs.toFixed(1)} ms`,
    ]),
  };
}
