import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseQuestionnaire } from './parse.js';
import { checkQuestionnaire } from './scoring.js';
import { Questionnaire, ORDINAL_VALUE_URL } from './questionnaire.js';

const raw = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../examples/questionnaires/${name}.json`, import.meta.url), 'utf8'));
const scored = (code: string, value: number) => ({
  valueCoding: { code },
  extension: [{ url: ORDINAL_VALUE_URL, valueDecimal: value }],
});

describe('parseQuestionnaire: structure', () => {
  it('keeps FHIR fields it does not model (passthrough)', () => {
    const result = parseQuestionnaire(raw('phq-9'));
    expect(result.ok).toBe(true);
    expect(result.problems).toEqual([]);
    expect(result.questionnaire).toMatchObject({
      copyright: expect.stringContaining('Pfizer'),
      subjectType: ['Patient'],
    });
  });

  it('reports each structural problem at its precise JSON pointer, under the step it belongs to', () => {
    const doc = raw('phq-9');
    doc.status = 'published';
    doc.item[0].item[2].type = 'open-choice';
    doc.item[0].item[4].answerOption[1] = { valueDate: '2020-01-01' };
    doc.item[0].item[5].answerOption[0].extension[0] = { url: ORDINAL_VALUE_URL, valueString: 'zero' };
    delete doc.item[0].item[6].linkId;
    const result = parseQuestionnaire(doc, { at: '/steps/phq/questionnaire', stepId: 'phq' });
    expect(result.ok).toBe(false);
    const at = (pointer: string) =>
      expect.objectContaining({ pointer: `/steps/phq/questionnaire${pointer}`, stepId: 'phq', severity: 'error' });
    expect(result.problems).toEqual(
      expect.arrayContaining([
        at('/status'),
        at('/item/0/item/2/type'),
        at('/item/0/item/4/answerOption/1'),
        at('/item/0/item/5/answerOption/0/extension/0/valueDecimal'),
        at('/item/0/item/6/linkId'),
      ]),
    );
    expect(result.problems.find((p) => p.pointer.endsWith('/item/0/item/2/type'))?.message).toContain(
      'other FHIR item types are not supported',
    );
    expect(result.problems.find((p) => p.pointer.endsWith('/answerOption/1'))?.message).toContain(
      'valueDate is not supported',
    );
    expect(result.problems.find((p) => p.pointer.endsWith('/linkId'))?.message).toBe(
      'Questionnaire field "item.0.item.6.linkId" is required.',
    );
  });

  it('refuses something that is not a Questionnaire, and hostile nesting', () => {
    expect(parseQuestionnaire({ resourceType: 'Patient' }).ok).toBe(false);
    let deep: Record<string, unknown> = { linkId: 'x', type: 'group' };
    for (let i = 0; i < 100; i += 1) deep = { linkId: `g${i}`, type: 'group', item: [deep] };
    const result = parseQuestionnaire({
      resourceType: 'Questionnaire',
      id: 'd',
      title: 'D',
      status: 'draft',
      item: [deep],
    });
    expect(result.problems[0].code).toBe('questionnaire.limits');
  });
});

describe('checkQuestionnaire', () => {
  it('finds nothing wrong in the examples', () => {
    for (const name of ['phq-9', 'gad-7', 'injection-anxiety']) {
      expect(checkQuestionnaire(Questionnaire.parse(raw(name)), { requireScores: true })).toEqual([]);
    }
  });

  it('catches a broken questionnaire: duplicate linkIds, a choice without options, a missing score, an empty group', () => {
    const broken = Questionnaire.parse({
      resourceType: 'Questionnaire',
      id: 'broken',
      title: 'Broken',
      status: 'draft',
      item: [
        { linkId: 'q1', text: 'One?', type: 'choice', answerOption: [scored('a', 0), scored('b', 1)] },
        {
          linkId: 'grp',
          type: 'group',
          item: [
            {
              linkId: 'q1',
              text: 'One again?',
              type: 'choice',
              answerOption: [scored('a', 0), { valueCoding: { code: 'b' } }],
            },
            { linkId: 'q3', text: 'Three?', type: 'choice' },
            {
              linkId: 'q4',
              type: 'choice',
              answerOption: [{ valueCoding: { code: 'x' } }, { valueCoding: { code: 'x' } }],
            },
          ],
        },
        { linkId: 'empty', type: 'group', item: [] },
      ],
    });
    const problems = checkQuestionnaire(broken);
    expect(problems.map((p) => [p.code, p.pointer, p.severity])).toEqual([
      ['questionnaire.duplicate-link-id', '/item/1/item/0/linkId', 'error'],
      ['questionnaire.option-without-score', '/item/1/item/0/answerOption/1', 'error'],
      ['questionnaire.choice-without-options', '/item/1/item/1', 'error'],
      ['questionnaire.question-without-text', '/item/1/item/2', 'error'],
      ['questionnaire.duplicate-option', '/item/1/item/2/answerOption/1', 'error'],
      ['questionnaire.empty-group', '/item/2', 'error'],
    ]);
    expect(problems.find((p) => p.code === 'questionnaire.choice-without-options')?.message).toBe(
      'Question 3 "Three?" has no answer options.',
    );
    expect(problems[0].message).toBe(
      'Two items share the linkId "q1" (the first is Question 1 "One?"); answers could not be told apart.',
    );
  });

  it('demands something to score when the journey branches on the score, but lets unscored questions be', () => {
    const unscored = Questionnaire.parse({
      resourceType: 'Questionnaire',
      id: 'u',
      title: 'U',
      status: 'draft',
      item: [
        { linkId: 'q', text: 'Q?', type: 'choice', answerOption: [{ valueCoding: { code: 'a' } }] },
        { linkId: 'b', text: 'B?', type: 'boolean' },
      ],
    });
    expect(checkQuestionnaire(unscored)).toEqual([]);
    expect(
      checkQuestionnaire(unscored, { requireScores: true, at: '/steps/s/questionnaire', stepId: 's' }).map((p) => [
        p.code,
        p.pointer,
        p.stepId,
      ]),
    ).toEqual([['questionnaire.nothing-to-score', '/steps/s/questionnaire/item', 's']]);
    const partlyScored = Questionnaire.parse({
      ...unscored,
      item: [...unscored.item, { linkId: 'n', text: 'How many?', type: 'integer' }],
    });
    expect(checkQuestionnaire(partlyScored, { requireScores: true })).toEqual([]);
  });

  it('warns about repeating answers, which Carepath does not honour yet, and accepts a condition on an earlier answer', () => {
    const q = Questionnaire.parse({
      resourceType: 'Questionnaire',
      id: 'w',
      title: 'W',
      status: 'draft',
      item: [
        { linkId: 'a', text: 'A?', type: 'boolean' },
        {
          linkId: 'b',
          text: 'B?',
          type: 'boolean',
          repeats: true,
          enableWhen: [{ question: 'a', operator: '=', answerBoolean: true }],
        },
      ],
    });
    expect(checkQuestionnaire(q).map((p) => [p.code, p.severity])).toEqual([
      ['questionnaire.repeats-unsupported', 'warning'],
    ]);
    expect(parseQuestionnaire(q).ok).toBe(true);
  });
});
