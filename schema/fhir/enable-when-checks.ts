/** Design-time checks of conditions between questions: each names the question and the answer it depends on. */
import { conditionValue } from './enable-when.js';
import { matchAnswer } from './answers.js';
import { isQuestion, walkItems, type Questionnaire, type QuestionnaireItem } from './items.js';

export interface ConditionProblem {
  code: string;
  /** Pointer below the item's `enableWhen`, e.g. `/0`. */
  at: string;
  message: string;
}

/** Every problem of one item's enableWhen conditions. `labels` names items by linkId (see itemLabels). */
export function checkConditions(
  questionnaire: Questionnaire,
  item: QuestionnaireItem,
  labels: ReadonlyMap<string, string>,
): ConditionProblem[] {
  const problems: ConditionProblem[] = [];
  const order = walkItems(questionnaire).map((located) => located.item);
  const position = order.indexOf(item);
  const name = labels.get(item.linkId) ?? item.linkId;
  (item.enableWhen ?? []).forEach((condition, index) => {
    const add = (code: string, message: string) =>
      problems.push({ code: `questionnaire.${code}`, at: `/${index}`, message });
    const targetIndex = order.findIndex((candidate) => candidate.linkId === condition.question);
    const target = order[targetIndex];
    if (target === undefined) {
      add(
        'condition-unknown-question',
        `${name} depends on "${condition.question}", which is not in this questionnaire.`,
      );
      return;
    }
    const targetName = labels.get(target.linkId) ?? target.linkId;
    if (!isQuestion(target)) {
      add('condition-not-a-question', `${name} depends on ${targetName}, which the patient does not answer.`);
      return;
    }
    // Conditions look back only: the answer must be known before the item is reached (SMS asks in order).
    if (targetIndex >= position) {
      add('condition-on-later-question', `${name} depends on ${targetName}, which is asked after it.`);
      return;
    }
    const expected = conditionValue(condition);
    if (condition.operator === 'exists') {
      if (typeof expected !== 'boolean')
        add('condition-answer', `${name}: the condition "answered" on ${targetName} needs true or false.`);
      return;
    }
    if (expected === undefined || !matchAnswer(target, expected).ok) {
      add(
        'condition-answer',
        `${name} depends on ${targetName} being ${JSON.stringify(expected)}, which is not one of its answers.`,
      );
      return;
    }
    if (!['=', '!='].includes(condition.operator) && typeof expected !== 'number')
      add(
        'condition-operator',
        `${name}: ${condition.operator} compares numbers, but ${targetName} is not answered with one.`,
      );
  });
  return problems;
}
