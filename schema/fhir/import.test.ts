import { describe, expect, it } from 'vitest';
import { importQuestionnaire, importQuestionnaireText } from './import.js';
import { exportQuestionnaire } from './export.js';
import { scoreOf } from './scoring.js';
import { isScoreItem, ordinalOf, questionsOf, walkItems } from './items.js';
import { nextQuestion } from './sms-dialogue.js';
import phq9 from './fixtures/phq-9.loinc.json';
import gad7 from './fixtures/gad-7.loinc.json';

const imported = (source: unknown) => {
  const result = importQuestionnaire(structuredClone(source));
  if (!result.questionnaire) throw new Error(JSON.stringify(result.notes));
  return { ...result, questionnaire: result.questionnaire };
};

describe('importing a published questionnaire', () => {
  it('reads PHQ-9 as LOINC publishes it: answers from a contained ValueSet with item weights, the difficulty question unscored, the total calculated', () => {
    const { ok, questionnaire, notes } = imported(phq9);
    expect(notes).toEqual([]);
    expect(ok).toBe(true);
    const questions = questionsOf(questionnaire).map(({ item }) => item);
    expect(questions).toHaveLength(10);
    expect(questions[1].text).toBe('Feeling down, depressed, or hopeless');
    expect(questions[1].answerOption?.map(ordinalOf)).toEqual([0, 1, 2, 3]);
    expect(questions[1].answerOption?.[2].valueCoding).toEqual({
      system: 'http://loinc.org',
      code: 'LA6570-1',
      display: 'More than half the days',
    });
    // "How difficult…" has answers but no scores: asked, never counted.
    expect(questions[9].answerOption?.map(ordinalOf)).toEqual([undefined, undefined, undefined, undefined]);
    const total = walkItems(questionnaire).find(({ item }) => isScoreItem(item))?.item;
    expect(total?.linkId).toBe('/44249-1/44261-6');
    expect('contained' in questionnaire).toBe(false);

    const answers: Record<string, string> = Object.fromEntries(
      questions.slice(0, 9).map(({ linkId }, i) => [linkId, i < 5 ? 'LA6570-1' : 'LA6569-3']),
    );
    answers['/44249-1/69722-7'] = 'LA6575-0';
    expect(scoreOf(questionnaire, answers)).toMatchObject({ score: 14, missing: [] });
  });

  it('reads GAD-7 with its scores in the older iso21090-CO-value form on each coding', () => {
    const { ok, questionnaire, notes } = imported(gad7);
    expect([ok, notes]).toEqual([true, []]);
    const first = questionsOf(questionnaire)[0].item;
    expect(first.answerOption?.map(ordinalOf)).toEqual([0, 1, 2, 3]);
    // One form of the score only, R4's ordinalValue on the option.
    expect(first.answerOption?.[3]).toEqual({
      valueCoding: { system: 'http://loinc.org', code: 'LA6571-9', display: 'Nearly every day' },
      extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/ordinalValue', valueDecimal: 3 }],
    });
    expect(questionsOf(questionnaire)).toHaveLength(7);
  });

  it('keeps free-text and numeric questions, and R5-style item weights on options', () => {
    const { ok, questionnaire, notes } = imported({
      resourceType: 'Questionnaire',
      status: 'draft',
      name: 'Side effects',
      item: [
        {
          linkId: 'severity',
          text: 'How bad are the side effects?',
          type: 'choice',
          answerOption: [
            {
              valueString: 'Mild',
              extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/itemWeight', valueDecimal: 1 }],
            },
            {
              valueString: 'Severe',
              extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/itemWeight', valueDecimal: 3 }],
            },
          ],
        },
        { linkId: 'weight', text: 'Your weight in kg', type: 'decimal' },
        { linkId: 'days', text: 'Days with symptoms', type: 'integer' },
        { linkId: 'notes', text: 'Anything else?', type: 'text' },
      ],
    });
    expect([ok, notes]).toEqual([true, []]);
    expect(questionnaire.id).toBe('side-effects');
    expect(questionnaire.title).toBe('Side effects');
    expect(questionsOf(questionnaire).map(({ item }) => item.type)).toEqual(['choice', 'decimal', 'integer', 'text']);
    expect(scoreOf(questionnaire, { severity: 'Severe', weight: 71.5, days: 2, notes: 'Tired' }).score).toBe(5);
  });

  it('says, naming the item, what it cannot keep', () => {
    const { ok, questionnaire, notes } = imported({
      resourceType: 'Questionnaire',
      id: 'odd',
      title: 'Odd',
      status: 'active',
      item: [
        { linkId: 'when', text: 'When did you start?', type: 'date' },
        {
          linkId: 'drug',
          text: 'Which medicine?',
          type: 'choice',
          answerValueSet: 'http://example.org/ValueSet/drugs',
        },
        {
          linkId: 'other',
          text: 'Other symptoms',
          type: 'open-choice',
          answerOption: [{ valueString: 'Rash' }, { valueDate: '2024-01-01' }],
          enableWhen: [{ question: 'when', operator: 'exists', answerDate: '2024-01-01' }],
        },
        { linkId: 'dose', text: 'Dose', type: 'quantity' },
        {
          linkId: 'sub',
          text: 'Sub-score',
          type: 'integer',
          extension: [{ url: 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression' }],
        },
        {
          linkId: 'total',
          text: 'Total',
          type: 'integer',
          extension: [{ url: 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression' }],
        },
      ],
    });
    expect(ok).toBe(false);
    expect(notes.map((n) => [n.severity, n.message])).toEqual([
      [
        'warning',
        'Question "When did you start?" asks for a date, which Carepath cannot ask by SMS or web form; it was left out.',
      ],
      [
        'error',
        'Question "Which medicine?" takes its answers from the value set http://example.org/ValueSet/drugs, which Carepath cannot look up; add its answers as options.',
      ],
      [
        'warning',
        'Question "Other symptoms" allowed a free-text answer besides its options; only the options are kept.',
      ],
      ['warning', 'Question "Other symptoms" has an answer Carepath cannot offer (valueDate); it was left out.'],
      [
        'warning',
        'Question "Other symptoms" has a condition comparing answerDate, which Carepath does not support; it was dropped.',
      ],
      ['warning', 'Question "Dose" asked for a quantity; it is kept as a number without its unit.'],
      ['warning', 'Question "Total" is a second calculated score; Carepath keeps one total, so it was left out.'],
      ['error', 'Question 1 "Which medicine?" has no answer options.'],
    ]);
    expect(questionsOf(questionnaire).map(({ item }) => item.linkId)).toEqual(['drug', 'other', 'dose']);
  });

  it('refuses what is not a questionnaire, or not JSON', () => {
    expect(importQuestionnaire({ resourceType: 'Patient' }).notes[0].message).toContain('not a FHIR Questionnaire');
    expect(importQuestionnaireText('{ "resourceType": ').notes[0].message).toMatch(/^This is not JSON/);
  });
});

describe('exporting to FHIR R4', () => {
  it('round-trips: import → export → import gives the same questionnaire', () => {
    for (const source of [phq9, gad7]) {
      const first = imported(source).questionnaire;
      const exported = JSON.parse(JSON.stringify(exportQuestionnaire(first)));
      expect(imported(exported).questionnaire).toEqual(first);
    }
  });

  it('writes what R4 requires and SDC expects: enableBehavior for several conditions, a calculated total', () => {
    const { questionnaire } = imported({
      resourceType: 'Questionnaire',
      id: 'x',
      title: 'X',
      status: 'draft',
      item: [
        { linkId: 'a', text: 'A?', type: 'boolean' },
        { linkId: 'b', text: 'B?', type: 'integer' },
        {
          linkId: 'c',
          text: 'C?',
          type: 'integer',
          enableWhen: [
            { question: 'a', operator: '=', answerBoolean: true },
            { question: 'b', operator: '>', answerInteger: 2 },
          ],
        },
        { linkId: 'total', text: 'Total', type: 'integer', readOnly: true },
      ],
    });
    const exported = exportQuestionnaire(questionnaire);
    expect(exported.item[2].enableBehavior).toBe('all');
    expect(exported.item[3].extension?.[0].url).toBe(
      'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression',
    );
    expect(questionnaire.item[2].enableBehavior).toBeUndefined();
    expect(nextQuestion(exported, { a: true, b: 3 })).toBe('c');
    expect(nextQuestion(exported, { a: true, b: 1 })).toBeUndefined();
  });
});
