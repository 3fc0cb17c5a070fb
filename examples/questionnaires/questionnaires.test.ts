import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseQuestionnaire, questionsOf, scoreOf, type Questionnaire } from '../../schema/fhir/index.js';

const load = (name: string): Questionnaire => {
  const result = parseQuestionnaire(JSON.parse(readFileSync(new URL(`./${name}.json`, import.meta.url), 'utf8')), {
    requireScores: true,
  });
  expect(result.problems).toEqual([]);
  return result.questionnaire!;
};
const answerCodes = ['LA6568-5', 'LA6569-3', 'LA6570-1', 'LA6571-9'];
/** Every question answered with its last (highest-scoring) option: the maximum total. */
const worst = (q: Questionnaire) =>
  Object.fromEntries(questionsOf(q).map(({ item }) => [item.linkId, item.answerOption!.at(-1)!.valueCoding!.code]));

describe('example questionnaires', () => {
  it('PHQ-9: LOINC panel 44249-1, nine LOINC items in form order, answers LA6568-5…LA6571-9 scored 0–3, total 0–27', () => {
    const q = load('phq-9');
    expect(q.code?.[0]).toMatchObject({ system: 'http://loinc.org', code: '44249-1' });
    const items = questionsOf(q).map(({ item }) => item);
    expect(items.map((item) => item.linkId)).toEqual([
      '44250-9',
      '44255-8',
      '44259-0',
      '44254-1',
      '44251-7',
      '44258-2',
      '44252-5',
      '44253-3',
      '44260-8',
    ]);
    for (const item of items) {
      expect(item.code?.[0].code).toBe(item.linkId);
      expect(item.answerOption!.map((option) => option.valueCoding!.code)).toEqual(answerCodes);
    }
    expect(scoreOf(q, worst(q)).score).toBe(27);
  });

  it('GAD-7: LOINC panel 69737-5, seven LOINC items, same answers, total 0–21', () => {
    const q = load('gad-7');
    expect(q.code?.[0]).toMatchObject({ system: 'http://loinc.org', code: '69737-5' });
    expect(questionsOf(q).map(({ item }) => item.linkId)).toEqual([
      '69725-0',
      '68509-9',
      '69733-4',
      '69734-2',
      '69735-9',
      '69689-8',
      '69736-7',
    ]);
    expect(
      questionsOf(q).every(
        ({ item }) => item.answerOption!.map((o) => o.valueCoding!.code).join() === answerCodes.join(),
      ),
    ).toBe(true);
    expect(scoreOf(q, worst(q)).score).toBe(21);
  });

  it('injection anxiety: three program questions, total 0–9', () => {
    const q = load('injection-anxiety');
    expect(questionsOf(q)).toHaveLength(3);
    expect(scoreOf(q, worst(q)).score).toBe(9);
  });
});
