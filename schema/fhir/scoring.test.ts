import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { Questionnaire, ITEM_WEIGHT_URL, ORDINAL_VALUE_URL } from './questionnaire.js';
import { answerScore, scoreOf } from './scoring.js';

const load = (name: string) =>
  Questionnaire.parse(
    JSON.parse(readFileSync(new URL(`../../examples/questionnaires/${name}.json`, import.meta.url), 'utf8')),
  );
const phq9 = load('phq-9');
const phqItems = ['44250-9', '44255-8', '44259-0', '44254-1', '44251-7', '44258-2', '44252-5', '44253-3', '44260-8'];
const codeForPoints = ['LA6568-5', 'LA6569-3', 'LA6570-1', 'LA6571-9'];
/** PHQ-9 answers from nine item scores, in form order. */
const phqAnswers = (points: number[]) =>
  Object.fromEntries(phqItems.map((linkId, i) => [linkId, codeForPoints[points[i]]]));

/** The published PHQ-9 severity bands; a journey's score-band split would hold these. */
const bands = [
  { id: 'minimal', min: 0, max: 4 },
  { id: 'mild', min: 5, max: 9 },
  { id: 'moderate', min: 10, max: 14 },
  { id: 'moderately-severe', min: 15, max: 19 },
  { id: 'severe', min: 20, max: 27 },
];
const bandOf = (score: number) => bands.find((band) => score >= band.min && score <= band.max)?.id;

describe('scoreOf on PHQ-9', () => {
  it.each([
    [[0, 0, 0, 0, 0, 0, 0, 0, 0], 0, 'minimal'],
    [[1, 1, 1, 1, 0, 0, 0, 0, 0], 4, 'minimal'],
    [[1, 1, 1, 1, 1, 0, 0, 0, 0], 5, 'mild'],
    [[2, 2, 1, 1, 1, 1, 1, 0, 0], 9, 'mild'],
    [[2, 2, 2, 1, 1, 1, 1, 0, 0], 10, 'moderate'],
    [[2, 2, 2, 2, 2, 2, 1, 1, 0], 14, 'moderate'],
    [[3, 3, 2, 2, 2, 2, 1, 0, 0], 15, 'moderately-severe'],
    [[3, 3, 3, 2, 2, 2, 2, 2, 0], 19, 'moderately-severe'],
    [[3, 3, 3, 3, 2, 2, 2, 2, 0], 20, 'severe'],
    [[3, 3, 3, 3, 3, 3, 3, 3, 3], 27, 'severe'],
  ])('scores %j as %i (%s)', (points, total, band) => {
    const result = scoreOf(phq9, phqAnswers(points));
    expect(result.score).toBe(total);
    expect(bandOf(result.score)).toBe(band);
    expect(result.missing).toEqual([]);
    expect(Object.keys(result.itemScores)).toEqual(phqItems);
  });

  it('lists unanswered and invalid items as missing, in the order they are asked, and does not count them', () => {
    const answers = { ...phqAnswers([1, 1, 1, 1, 1, 1, 1, 1, 1]), '44255-8': 'LA0000-0' } as Record<string, string>;
    delete answers['44253-3'];
    const result = scoreOf(phq9, answers);
    expect(result.score).toBe(7);
    expect(result.missing).toEqual(['44255-8', '44253-3']);
    expect(result.invalid).toEqual(['44255-8']);
  });

  it('never asks for or counts the read-only total-score item', () => {
    expect(scoreOf(phq9, {}).missing).toEqual(phqItems);
  });

  it('ignores answers to linkIds that are not questions, including prototype names', () => {
    expect(
      scoreOf(phq9, { constructor: 'LA6571-9', '44261-6': 99, ...phqAnswers([0, 0, 0, 0, 0, 0, 0, 0, 1]) }).score,
    ).toBe(1);
  });
});

describe('answerScore', () => {
  it('detects any answer above 0 on PHQ-9 item 9, even when the total is minimal', () => {
    const answers = phqAnswers([0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(scoreOf(phq9, answers).score).toBe(1);
    expect(answerScore(phq9, answers, '44260-8')).toBe(1);
    expect(scoreOf(phq9, answers).itemScores['44260-8']).toBeGreaterThan(0);
    expect(answerScore(phq9, phqAnswers([3, 3, 3, 3, 3, 3, 3, 3, 0]), '44260-8')).toBe(0);
  });

  it('is undefined for an unanswered item', () => {
    expect(answerScore(phq9, {}, '44260-8')).toBeUndefined();
  });
});

describe('scoreOf on other shapes', () => {
  const mixed = Questionnaire.parse({
    resourceType: 'Questionnaire',
    id: 'mixed',
    title: 'Mixed',
    status: 'draft',
    item: [
      // itemWeight (R5 name) on the option, ordinalValue on the coding: both are found.
      {
        linkId: 'a',
        text: 'A?',
        type: 'choice',
        answerOption: [
          { valueCoding: { code: 'x' }, extension: [{ url: ITEM_WEIGHT_URL, valueDecimal: 0.5 }] },
          { valueCoding: { code: 'y', extension: [{ url: ORDINAL_VALUE_URL, valueDecimal: 1.25 }] } },
        ],
      },
      { linkId: 'days', text: 'How many days did you miss?', type: 'integer' },
      { linkId: 'ok', text: 'Did you inject?', type: 'boolean' },
      {
        linkId: 'pain',
        text: 'Pain 0-2?',
        type: 'choice',
        answerOption: [{ valueInteger: 0 }, { valueInteger: 1 }, { valueInteger: 2 }],
      },
    ],
  });

  it('adds weights from either place, integer answers, and leaves booleans and unweighted choices unscored', () => {
    const result = scoreOf(mixed, { a: 'y', days: 3, ok: true, pain: 2 });
    expect(result).toEqual({ score: 4.25, itemScores: { a: 1.25, days: 3 }, missing: [], invalid: [] });
  });

  it('rejects answers of the wrong type', () => {
    expect(scoreOf(mixed, { a: 1, days: 2.5, ok: 'yes', pain: '2' }).invalid).toEqual(['a', 'days', 'ok', 'pain']);
  });
});
