/** A patient's answers as the engine stores them (linkId → code, number or boolean) and how each maps onto its item. */
import type { AnswerOption, QuestionnaireItem } from './items.js';

/**
 * One stored answer. Kept to plain JSON scalars so it travels in engine state and workflow history:
 * a choice answer is the option's code (valueCoding), its number (valueInteger) or its text (valueString);
 * an integer or decimal question's answer is the number; a boolean question's answer is true or false;
 * a string or text question's answer is the patient's words.
 */
export type AnswerValue = string | number | boolean;
export type Answers = Readonly<Record<string, AnswerValue>>;

export type MatchedAnswer = { ok: true; value: AnswerValue; option?: AnswerOption } | { ok: false; reason: string };

/** The answer for a linkId; own properties only, so a linkId such as `constructor` never reads the prototype. */
export function answerOf(answers: Answers, linkId: string): AnswerValue | undefined {
  return Object.prototype.hasOwnProperty.call(answers, linkId) ? answers[linkId] : undefined;
}

/** Checks a stored answer against its item; a choice answer also yields the option it selects. */
export function matchAnswer(item: QuestionnaireItem, value: AnswerValue): MatchedAnswer {
  switch (item.type) {
    case 'choice': {
      const option = item.answerOption?.find((candidate) => optionHasValue(candidate, value));
      return option
        ? { ok: true, value, option }
        : { ok: false, reason: `${JSON.stringify(value)} is not one of the options of "${item.linkId}".` };
    }
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value)
        ? { ok: true, value }
        : { ok: false, reason: `"${item.linkId}" needs a whole number.` };
    case 'decimal':
      return typeof value === 'number' && Number.isFinite(value)
        ? { ok: true, value }
        : { ok: false, reason: `"${item.linkId}" needs a number.` };
    case 'string':
    case 'text':
      return typeof value === 'string' && value.trim() !== ''
        ? { ok: true, value }
        : { ok: false, reason: `"${item.linkId}" needs some text.` };
    case 'boolean':
      return typeof value === 'boolean'
        ? { ok: true, value }
        : { ok: false, reason: `"${item.linkId}" needs true or false.` };
    default:
      return { ok: false, reason: `"${item.linkId}" is a ${item.type} item and takes no answer.` };
  }
}

function optionHasValue(option: AnswerOption, value: AnswerValue): boolean {
  if (option.valueCoding) return option.valueCoding.code === value;
  if (option.valueInteger !== undefined) return option.valueInteger === value;
  return option.valueString === value;
}
