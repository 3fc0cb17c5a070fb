import { describe, expect, it } from 'vitest';
import { Questionnaire } from '../../schema/fhir/index.js';
import phq9 from '../../examples/questionnaires/phq-9.json';
import gad7 from '../../examples/questionnaires/gad-7.json';
import { describeQuestionnaire, summarizeQuestionnaire } from './questionnaire-summary.js';

describe('questionnaire summary', () => {
  it('counts the questions a patient answers and the score range', () => {
    const phq = summarizeQuestionnaire(Questionnaire.parse(phq9));
    expect(phq.scoreRange).toEqual({ min: 0, max: 27 });
    expect(phq.questions).toBeGreaterThanOrEqual(9);
    const gad = summarizeQuestionnaire(Questionnaire.parse(gad7));
    expect(gad.scoreRange).toEqual({ min: 0, max: 21 });
    expect(describeQuestionnaire(gad)).toMatch(/^Generalized Anxiety Disorder .* · \d+ questions · score 0–21$/);
  });
});
