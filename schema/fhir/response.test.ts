import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { Questionnaire } from './questionnaire.js';
import { buildQuestionnaireResponse, canonicalOf, TOTAL_SCORE_EXTENSION_URL } from './response.js';

const load = (name: string) =>
  Questionnaire.parse(
    JSON.parse(readFileSync(new URL(`../../examples/questionnaires/${name}.json`, import.meta.url), 'utf8')),
  );
const phq9 = load('phq-9');
const anxiety = load('injection-anxiety');
const authored = '2025-03-04T14:30:00-05:00';
const loinc = (code: string, display: string) => ({ valueCoding: { system: 'http://loinc.org', code, display } });

describe('buildQuestionnaireResponse', () => {
  it('mirrors PHQ-9 groups, codes each answer, and puts the total in the total-score item', () => {
    const response = buildQuestionnaireResponse({
      questionnaire: phq9,
      answers: { '44250-9': 'LA6570-1', '44255-8': 'LA6569-3', '44260-8': 'LA6568-5' },
      subjectRef: 'Patient/p-123',
      authored,
      status: 'in-progress',
    });
    expect(response).toEqual({
      resourceType: 'QuestionnaireResponse',
      questionnaire: 'https://carepath.local/fhir/Questionnaire/phq-9|1.0.0',
      status: 'in-progress',
      subject: { reference: 'Patient/p-123' },
      authored,
      item: [
        {
          linkId: 'phq-9-items',
          text: 'Over the last 2 weeks, how often have you been bothered by any of the following problems?',
          item: [
            {
              linkId: '44250-9',
              text: 'Little interest or pleasure in doing things',
              answer: [loinc('LA6570-1', 'More than half the days')],
            },
            {
              linkId: '44255-8',
              text: 'Feeling down, depressed, or hopeless',
              answer: [loinc('LA6569-3', 'Several days')],
            },
            {
              linkId: '44260-8',
              text: 'Thoughts that you would be better off dead, or of hurting yourself in some way',
              answer: [loinc('LA6568-5', 'Not at all')],
            },
          ],
        },
        { linkId: '44261-6', text: 'PHQ-9 total score', answer: [{ valueInteger: 3 }] },
      ],
    });
    // No ordinal extension leaks into the answer: it describes the form, not the patient.
    expect(JSON.stringify(response)).not.toContain('ordinalValue');
  });

  it('records the total as an extension when the questionnaire has no total-score item, and leaves out the display intro', () => {
    const response = buildQuestionnaireResponse({
      questionnaire: anxiety,
      answers: { 'ia-worry': 'quite-a-bit', 'ia-confidence': 'fairly-confident', 'ia-avoidance': 'never' },
      authored,
      status: 'completed',
    });
    expect(response.extension).toEqual([{ url: TOTAL_SCORE_EXTENSION_URL, valueDecimal: 3 }]);
    expect(response.item.map((item) => item.linkId)).toEqual(['ia-worry', 'ia-confidence', 'ia-avoidance']);
    expect(response.subject).toBeUndefined();
    expect(response.status).toBe('completed');
  });

  it('is empty, with no total, when nothing was answered (a stopped assessment)', () => {
    const response = buildQuestionnaireResponse({
      questionnaire: phq9,
      answers: { '44250-9': 'not-an-option' },
      authored,
      status: 'stopped',
    });
    expect(response.item).toEqual([]);
    expect(response.extension).toBeUndefined();
  });

  it("writes integer and boolean answers, and nests a question's children under its answer", () => {
    const q = Questionnaire.parse({
      resourceType: 'Questionnaire',
      id: 'q',
      title: 'Q',
      status: 'draft',
      item: [
        {
          linkId: 'injected',
          text: 'Injected?',
          type: 'boolean',
          item: [
            {
              linkId: 'site',
              text: 'Where?',
              type: 'choice',
              answerOption: [{ valueString: 'Thigh' }, { valueString: 'Belly' }],
            },
          ],
        },
        { linkId: 'missed', text: 'Missed doses?', type: 'integer' },
      ],
    });
    const response = buildQuestionnaireResponse({
      questionnaire: q,
      answers: { injected: true, site: 'Belly', missed: 2 },
      authored,
      status: 'completed',
    });
    expect(response.questionnaire).toBe('Questionnaire/q');
    expect(response.item).toEqual([
      {
        linkId: 'injected',
        text: 'Injected?',
        answer: [
          { valueBoolean: true, item: [{ linkId: 'site', text: 'Where?', answer: [{ valueString: 'Belly' }] }] },
        ],
      },
      { linkId: 'missed', text: 'Missed doses?', answer: [{ valueInteger: 2 }] },
    ]);
    expect(response.extension).toEqual([{ url: TOTAL_SCORE_EXTENSION_URL, valueDecimal: 2 }]);
  });

  it('refuses an authored time without a zone, because the caller owns the clock', () => {
    expect(() =>
      buildQuestionnaireResponse({
        questionnaire: phq9,
        answers: {},
        authored: '2025-03-04 14:30',
        status: 'completed',
      }),
    ).toThrow(TypeError);
  });

  it('uses the canonical URL without a version when the questionnaire has none', () => {
    expect(canonicalOf({ ...phq9, version: undefined })).toBe('https://carepath.local/fhir/Questionnaire/phq-9');
  });
});
