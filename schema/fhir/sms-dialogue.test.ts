import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { Questionnaire, ORDINAL_VALUE_URL } from './questionnaire.js';
import { nextQuestion, optionNumbers, parseSmsAnswer, questionText } from './sms-dialogue.js';

const load = (name: string) =>
  Questionnaire.parse(
    JSON.parse(readFileSync(new URL(`../../examples/questionnaires/${name}.json`, import.meta.url), 'utf8')),
  );
const phq9 = load('phq-9');
const anxiety = load('injection-anxiety');

describe('questionText', () => {
  it('sends the PHQ-9 stem with the first question, then the options with their scores', () => {
    expect(questionText(phq9, '44250-9')).toBe(
      '(1/9) Over the last 2 weeks, how often have you been bothered by any of the following problems? Little interest or pleasure in doing things. ' +
        'Reply 0 Not at all, 1 Several days, 2 More than half the days, 3 Nearly every day',
    );
  });

  it('leaves the stem out of later questions unless asked to repeat it', () => {
    expect(questionText(phq9, '44255-8')).toBe(
      '(2/9) Feeling down, depressed, or hopeless. Reply 0 Not at all, 1 Several days, 2 More than half the days, 3 Nearly every day',
    );
    expect(questionText(phq9, '44255-8', { context: 'always', progress: false })).toMatch(
      /^Over the last 2 weeks, how often .* problems\? Feeling down/,
    );
    expect(questionText(phq9, '44250-9', { context: 'never', progress: false })).toMatch(/^Little interest/);
  });

  it('introduces a question with the display item before it', () => {
    expect(questionText(anxiety, 'ia-worry')).toBe(
      '(1/3) A few quick questions about your injections, so your nurse can support you. How worried do you feel before giving yourself an injection? ' +
        'Reply 0 Not at all, 1 A little, 2 Quite a bit, 3 Very much',
    );
  });

  it('refuses a linkId that is not a question', () => {
    expect(() => questionText(phq9, 'phq-9-items')).toThrow(RangeError);
    expect(() => questionText(phq9, '44261-6')).toThrow(RangeError);
    expect(() => parseSmsAnswer(phq9, '44261-6', '12')).toThrow(RangeError);
  });
});

describe('parseSmsAnswer on PHQ-9', () => {
  it.each([
    ['2', 'LA6570-1'],
    [' 0 ', 'LA6568-5'],
    [' Several days ', 'LA6569-3'],
    ['SEVERAL   DAYS.', 'LA6569-3'],
    ['LA6569-3', 'LA6569-3'],
    ['la6571-9', 'LA6571-9'],
    ['"nearly every day"', 'LA6571-9'],
  ])('reads %j as %s', (reply, code) => {
    expect(parseSmsAnswer(phq9, '44250-9', reply)).toEqual({ ok: true, answer: code });
  });

  it.each(['7', 'maybe', '', '4', '-1', '1 2'])('refuses %j and says what to reply', (reply) => {
    expect(parseSmsAnswer(phq9, '44250-9', reply)).toEqual({ ok: false, reason: 'Please reply with 0, 1, 2 or 3.' });
  });
});

describe('optionNumbers', () => {
  const q = (answerOption: unknown[]) =>
    Questionnaire.parse({
      resourceType: 'Questionnaire',
      id: 'q',
      title: 'Q',
      status: 'draft',
      item: [{ linkId: 'a', text: 'A?', type: 'choice', answerOption }],
    });
  const ord = (code: string, value: number) => ({
    valueCoding: { code, display: code },
    extension: [{ url: ORDINAL_VALUE_URL, valueDecimal: value }],
  });

  it('uses the 1-based position when ordinal values are not distinct whole numbers', () => {
    const shared = q([ord('low', 0), ord('mid', 0), ord('high', 1.5)]);
    expect(optionNumbers(shared.item[0])).toEqual([1, 2, 3]);
    expect(questionText(shared, 'a', { progress: false })).toBe('A? Reply 1 low, 2 mid, 3 high');
    expect(parseSmsAnswer(shared, 'a', '1')).toEqual({ ok: true, answer: 'low' });
    expect(parseSmsAnswer(shared, 'a', '0')).toEqual({ ok: false, reason: 'Please reply with 1, 2 or 3.' });
  });

  it('uses valueInteger options as they are, shown as a range', () => {
    const scale = q([0, 1, 2, 3, 4, 5].map((valueInteger) => ({ valueInteger })));
    expect(questionText(scale, 'a', { progress: false })).toBe('A? Reply a number from 0 to 5');
    expect(parseSmsAnswer(scale, 'a', '5')).toEqual({ ok: true, answer: 5 });
  });

  it('reads valueString options by their text', () => {
    const strings = q([{ valueString: 'Morning' }, { valueString: 'Evening' }]);
    expect(parseSmsAnswer(strings, 'a', 'evening')).toEqual({ ok: true, answer: 'Evening' });
    expect(parseSmsAnswer(strings, 'a', '2')).toEqual({ ok: true, answer: 'Evening' });
  });
});

describe('parseSmsAnswer on integer and boolean questions', () => {
  const q = Questionnaire.parse({
    resourceType: 'Questionnaire',
    id: 'q',
    title: 'Q',
    status: 'draft',
    item: [
      {
        linkId: 'missed',
        text: 'How many doses did you miss?',
        type: 'integer',
        extension: [
          { url: 'http://hl7.org/fhir/StructureDefinition/minValue', valueInteger: 0 },
          { url: 'http://hl7.org/fhir/StructureDefinition/maxValue', valueInteger: 14 },
        ],
      },
      { linkId: 'injected', text: 'Did you inject this week', type: 'boolean' },
    ],
  });

  it('accepts a number within the bounds', () => {
    expect(questionText(q, 'missed', { progress: false })).toBe(
      'How many doses did you miss? Reply a number from 0 to 14',
    );
    expect(parseSmsAnswer(q, 'missed', ' 3 ')).toEqual({ ok: true, answer: 3 });
    expect(parseSmsAnswer(q, 'missed', '15')).toEqual({ ok: false, reason: 'Please reply a number from 0 to 14.' });
    expect(parseSmsAnswer(q, 'missed', 'three')).toMatchObject({ ok: false });
  });

  it('accepts yes and no', () => {
    expect(questionText(q, 'injected', { progress: false })).toBe('Did you inject this week. Reply YES or NO');
    expect(parseSmsAnswer(q, 'injected', 'Yes!')).toEqual({ ok: true, answer: true });
    expect(parseSmsAnswer(q, 'injected', 'n')).toEqual({ ok: true, answer: false });
    expect(parseSmsAnswer(q, 'injected', 'perhaps')).toEqual({ ok: false, reason: 'Please reply YES or NO.' });
  });
});

describe('nextQuestion', () => {
  it('walks PHQ-9 in form order, skipping the group and the total-score item', () => {
    expect(nextQuestion(phq9, {})).toBe('44250-9');
    expect(nextQuestion(phq9, { '44250-9': 'LA6568-5' })).toBe('44255-8');
    const allButLast = {
      '44250-9': 'LA6568-5',
      '44255-8': 'LA6568-5',
      '44259-0': 'LA6568-5',
      '44254-1': 'LA6568-5',
      '44251-7': 'LA6568-5',
      '44258-2': 'LA6568-5',
      '44252-5': 'LA6568-5',
      '44253-3': 'LA6568-5',
    };
    expect(nextQuestion(phq9, allButLast)).toBe('44260-8');
    expect(nextQuestion(phq9, { ...allButLast, '44260-8': 'LA6569-3' })).toBeUndefined();
  });

  it('skips the display intro and asks again a question whose stored answer is invalid', () => {
    expect(nextQuestion(anxiety, {})).toBe('ia-worry');
    expect(nextQuestion(anxiety, { 'ia-worry': 'bogus' })).toBe('ia-worry');
  });

  it('honours nesting: a question inside a later group comes after the questions before that group', () => {
    const nested = Questionnaire.parse({
      resourceType: 'Questionnaire',
      id: 'n',
      title: 'N',
      status: 'draft',
      item: [
        {
          linkId: 'g1',
          type: 'group',
          item: [
            { linkId: 'a', text: 'A', type: 'boolean' },
            { linkId: 'g2', type: 'group', item: [{ linkId: 'b', text: 'B', type: 'boolean' }] },
          ],
        },
        { linkId: 'c', text: 'C', type: 'boolean' },
      ],
    });
    expect(nextQuestion(nested, { a: true })).toBe('b');
    expect(nextQuestion(nested, { a: true, b: false })).toBe('c');
  });
});
