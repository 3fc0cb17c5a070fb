/** Reads a submitted web form back into FHIR answers (linkId → code, number or boolean), checking each against its item. */
import { questionsOf, type Questionnaire, type AnswerOption } from '../../schema/fhir/questionnaire.js';
import { matchAnswer, type AnswerValue } from '../../schema/fhir/answers.js';
import { isAsked } from '../../schema/fhir/enable-when.js';

function optionValue(option: AnswerOption): AnswerValue | undefined {
  return option.valueCoding?.code ?? option.valueInteger ?? option.valueString;
}

/** Every answer, or the questions (by position) whose answer is missing or does not fit. */
export function readFormAnswers(
  questionnaire: Questionnaire,
  form: Record<string, unknown>,
): { ok: true; answers: Record<string, AnswerValue> } | { ok: false; errors: Record<number, string> } {
  const answers: Record<string, AnswerValue> = {};
  const errors: Record<number, string> = {};
  questionsOf(questionnaire).forEach((located, index) => {
    const { item } = located;
    // A question whose condition on the earlier answers does not hold was not asked: its field is ignored.
    if (!isAsked(located, answers)) return;
    const raw = form[`q${index}`];
    if (typeof raw !== 'string' || raw.trim() === '') {
      errors[index] = 'Please answer this question.';
      return;
    }
    let value: AnswerValue | undefined;
    if (item.type === 'choice')
      value = /^\d{1,3}$/.test(raw) ? optionValue((item.answerOption ?? [])[Number(raw)] ?? {}) : undefined;
    else if (item.type === 'boolean') value = raw === 'true' ? true : raw === 'false' ? false : undefined;
    else if (item.type === 'string' || item.type === 'text') value = raw.trim().slice(0, 2000);
    else if (item.type === 'decimal')
      value = /^-?\d{1,9}([.,]\d{1,6})?$/.test(raw.trim()) ? Number(raw.trim().replace(',', '.')) : undefined;
    else value = /^-?\d{1,9}$/.test(raw.trim()) ? Number(raw.trim()) : undefined;
    const matched = value === undefined ? undefined : matchAnswer(item, value);
    if (!matched?.ok) errors[index] = 'Please choose one of the answers.';
    else answers[item.linkId] = matched.value;
  });
  return Object.keys(errors).length === 0 ? { ok: true, answers } : { ok: false, errors };
}
