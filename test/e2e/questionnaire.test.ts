/** End to end in Chromium: a program manager builds a scored questionnaire with a band, sees the live total, imports PHQ-9 as LOINC publishes it, and the problems name the question. */
import { readFile } from 'node:fs/promises';
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
const qb = (id: string) => byTestId(`field-questionnaire-builder-${id}`);
const problemsText = () => byTestId('problems-panel').textContent();
const linkIds = () =>
  page.$$eval('[data-testid="field-questionnaire-builder"] > .qb-items > li', (items) =>
    items.map((item) => item.getAttribute('data-link-id')),
  );

const questions = ['Little interest in doing things', 'Feeling down', 'Trouble sleeping'];
const answers = ['Not at all', 'Some days', 'Every day'];

describe('the questionnaire builder', () => {
  it('builds three scored questions with bands and shows the live total', async () => {
    await logIn(page, carepath);
    await byTestId('new-journey-name').fill('Mood check-in');
    await byTestId('new-journey-submit').click();
    await expect.poll(() => byTestId('editor').count()).toBe(1);
    await byTestId('palette-assessment').click();
    await expect.poll(() => byTestId('inspector').getAttribute('data-step-id')).toBe('assessment-1');
    await expect.poll(() => byTestId('field-questionnaire-builder').count()).toBe(1);
    await qb('title').fill('Mood check');

    for (const [index, text] of questions.entries()) {
      await qb('add').click();
      await qb(`item-${index}-text`).fill(text);
      await qb(`item-${index}-required`).check();
      if (index === 2) {
        // A choice without answers: the journey's problems say which question, in words.
        await expect
          .poll(problemsText, { timeout: 10_000 })
          .toContain('Question 3 "Trouble sleeping" has no answer options.');
      }
      for (const [i, label] of answers.entries()) {
        await qb(`item-${index}-option-add`).click();
        await qb(`item-${index}-option-${i}-label`).fill(label);
      }
    }
    // Scores follow the answers' order (0, 1, 2); the last answer of question 2 weighs more.
    expect(await qb('item-1-option-2-score').inputValue()).toBe('2');
    await qb('item-1-option-2-score').fill('3');
    await expect
      .poll(() => byTestId('field-questionnaire-summary').textContent())
      .toBe('Mood check · 3 questions · score 0–7');

    await qb('bands-add').click();
    await qb('bands-0-label').fill('Low');
    await qb('bands-0-max').fill('2');
    await qb('bands-add').click();
    await qb('bands-1-label').fill('High');
    await qb('bands-1-max').fill('7');

    const preview = (linkId: string) => qb(`preview-${linkId}`);
    await preview('q1').selectOption({ label: 'Some days (1)' });
    await expect.poll(() => qb('preview-total').textContent()).toBe('1');
    await expect.poll(() => qb('preview-band').textContent()).toBe('Low');
    await preview('q2').selectOption({ label: 'Every day (3)' });
    await expect.poll(() => qb('preview-total').textContent()).toBe('4');
    await expect.poll(() => qb('preview-band').textContent()).toBe('High');
  });

  it('reorders from the keyboard as one undoable change', async () => {
    expect(await linkIds()).toEqual(['q1', 'q2', 'q3']);
    await qb('item-2-handle').focus();
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(linkIds).toEqual(['q1', 'q3', 'q2']);
    // The moved question keeps the focus, so it can move again.
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(linkIds).toEqual(['q3', 'q1', 'q2']);
    await byTestId('undo').click();
    await expect.poll(linkIds).toEqual(['q1', 'q3', 'q2']);
    await byTestId('undo').click();
    await expect.poll(linkIds).toEqual(['q1', 'q2', 'q3']);
  });

  it('imports PHQ-9 as LOINC publishes it, and the problems name its questions', async () => {
    const phq9 = await readFile(new URL('../../schema/fhir/fixtures/phq-9.loinc.json', import.meta.url), 'utf8');
    await qb('import').click();
    await qb('import-panel-text').fill(phq9);
    await qb('import-panel-run').click();
    await expect
      .poll(() => byTestId('field-questionnaire-summary').textContent())
      .toBe('PHQ-9 quick depression assessment panel · 10 questions · score 0–27');
    expect(await qb('import-notes').count()).toBe(0);

    // Question 2 of the imported PHQ-9 sits inside its group: item 0, then item 2 (after the instructions).
    await qb('preview-/44249-1/44255-8').selectOption({ label: 'Nearly every day (3)' });
    await expect.poll(() => qb('preview-total').textContent()).toBe('3');
    for (let i = 3; i >= 0; i -= 1) await qb(`item-0-2-option-${i}-remove`).click();
    await expect
      .poll(problemsText, { timeout: 10_000 })
      .toContain('Question 2 "Feeling down, depressed, or hopeless" has no answer options.');
  });
});
