/** Conditions between questions (R4 enableWhen): whether an item is asked, given the answers so far. */
import { answerOf, type Answers, type AnswerValue } from './answers.js';
import { walkItems, type LocatedItem, type Questionnaire, type QuestionnaireItem } from './items.js';
import type { EnableWhen } from './questionnaire.js';

/** The value a condition compares with, in the same shape as a stored answer (a coding compares by its code). */
export function conditionValue(condition: EnableWhen): AnswerValue | undefined {
  return (
    condition.answerCoding?.code ??
    condition.answerBoolean ??
    condition.answerInteger ??
    condition.answerDecimal ??
    condition.answerString
  );
}

/** One condition against the answers. As R4 says, a condition on an unanswered question is false, except `exists`. */
export function conditionHolds(condition: EnableWhen, answers: Answers): boolean {
  const answer = answerOf(answers, condition.question);
  const expected = conditionValue(condition);
  if (condition.operator === 'exists') return (answer !== undefined) === (expected === true);
  if (answer === undefined || expected === undefined) return false;
  switch (condition.operator) {
    case '=':
      return answer === expected;
    case '!=':
      return answer !== expected;
    default:
      // Order only means something between numbers (an integer answer, a valueInteger option).
      if (typeof answer !== 'number' || typeof expected !== 'number') return false;
      if (condition.operator === '>') return answer > expected;
      if (condition.operator === '<') return answer < expected;
      if (condition.operator === '>=') return answer >= expected;
      return answer <= expected;
  }
}

/** Whether the item itself is enabled (its own conditions only; see isAsked for its groups). */
export function itemEnabled(item: QuestionnaireItem, answers: Answers): boolean {
  const conditions = item.enableWhen ?? [];
  if (conditions.length === 0) return true;
  return item.enableBehavior === 'any'
    ? conditions.some((condition) => conditionHolds(condition, answers))
    : conditions.every((condition) => conditionHolds(condition, answers));
}

/** An item is asked when it and every group around it are enabled. */
export function isAsked(located: LocatedItem, answers: Answers): boolean {
  return [...located.parents, located.item].every((item) => itemEnabled(item, answers));
}

/** The linkIds of items not asked under these answers (their answers, if any, are ignored). */
export function disabledLinkIds(questionnaire: Questionnaire, answers: Answers): Set<string> {
  return new Set(
    walkItems(questionnaire)
      .filter((located) => !isAsked(located, answers))
      .map((located) => located.item.linkId),
  );
}
