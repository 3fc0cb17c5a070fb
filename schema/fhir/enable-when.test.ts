import { describe, expect, it } from 'vitest';
import { Questionnaire } from './questionnaire.js';
import { checkQuestionnaire, scoreOf } from './scoring.js';
import { nextQuestion } from './sms-dialogue.js';
import { disabledLinkIds } from './enable-when.js';

const scored = (code: string, value: number) => ({
  valueCoding: { code, display: code },
  extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/ordinalValue', valueDecimal: value }],
});

/** An injection check-in: the pain question is asked only to patients who injected; the reason only to those who did not. */
const checkIn = Questionnaire.parse({
  resourceType: 'Questionnaire',
  id: 'check-in',
  title: 'Injection check-in',
  status: 'draft',
  item: [
    { linkId: 'injected', text: 'Did you inject this week?', type: 'boolean' },
    {
      linkId: 'pain',
      text: 'How painful was it?',
      type: 'choice',
      enableWhen: [{ question: 'injected', operator: '=', answerBoolean: true }],
      answerOption: [scored('none', 0), scored('some', 1), scored('a-lot', 2)],
    },
    {
      linkId: 'why',
      text: 'What stopped you?',
      type: 'text',
      enableWhen: [{ question: 'injected', operator: '=', answerBoolean: false }],
    },
    {
      linkId: 'doses',
      text: 'How many doses did you miss?',
      type: 'integer',
      enableBehavior: 'any',
      enableWhen: [
        { question: 'injected', operator: '=', answerBoolean: false },
        { question: 'pain', operator: '=', answerCoding: { code: 'a-lot' } },
      ],
    },
  ],
});

describe('enableWhen', () => {
  it('asks a question only when its condition on an earlier answer holds', () => {
    expect(nextQuestion(checkIn, {})).toBe('injected');
    expect(nextQuestion(checkIn, { injected: true })).toBe('pain');
    expect(nextQuestion(checkIn, { injected: true, pain: 'none' })).toBeUndefined();
    expect(nextQuestion(checkIn, { injected: true, pain: 'a-lot' })).toBe('doses');
    expect(nextQuestion(checkIn, { injected: false })).toBe('why');
    expect(nextQuestion(checkIn, { injected: false, why: 'Travelling' })).toBe('doses');
  });

  it('scores only what was asked: a question turned off is neither missing nor counted', () => {
    expect(scoreOf(checkIn, { injected: true, pain: 'some' })).toMatchObject({ score: 1, missing: [] });
    // A stale answer to a question that is now off does not count.
    expect(scoreOf(checkIn, { injected: false, pain: 'a-lot', why: 'Travel', doses: 1 })).toMatchObject({
      score: 1,
      missing: [],
    });
    expect([...disabledLinkIds(checkIn, { injected: false })]).toEqual(['pain']);
  });

  it('finds nothing wrong with sound conditions', () => {
    expect(checkQuestionnaire(checkIn)).toEqual([]);
  });

  it('names the question and the answer a broken condition depends on', () => {
    const broken = Questionnaire.parse({
      ...checkIn,
      item: [
        {
          ...checkIn.item[0],
          enableWhen: [{ question: 'pain', operator: 'exists', answerBoolean: true }],
        },
        {
          ...checkIn.item[1],
          enableWhen: [
            { question: 'injected', operator: '=', answerCoding: { code: 'yes' } },
            { question: 'nowhere', operator: '=', answerBoolean: true },
          ],
        },
        { ...checkIn.item[2], enableWhen: [{ question: 'injected', operator: '>', answerBoolean: true }] },
      ],
    });
    expect(checkQuestionnaire(broken).map((p) => [p.pointer, p.message])).toEqual([
      [
        '/item/0/enableWhen/0',
        'Question 1 "Did you inject this week?" depends on Question 2 "How painful was it?", which is asked after it.',
      ],
      [
        '/item/1/enableWhen/0',
        'Question 2 "How painful was it?" depends on Question 1 "Did you inject this week?" being "yes", which is not one of its answers.',
      ],
      [
        '/item/1/enableWhen/1',
        'Question 2 "How painful was it?" depends on "nowhere", which is not in this questionnaire.',
      ],
      [
        '/item/2/enableWhen/0',
        'Question 3 "What stopped you?": > compares numbers, but Question 1 "Did you inject this week?" is not answered with one.',
      ],
    ]);
  });

  it('refuses a condition on an answer type Carepath does not keep', () => {
    const result = Questionnaire.safeParse({
      ...checkIn,
      item: [
        checkIn.item[0],
        { ...checkIn.item[2], enableWhen: [{ question: 'injected', operator: '=', answerDate: '2024-01-01' }] },
      ],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toContain('answerDate is not supported');
  });
});
