/** Scoring a questionnaire from a patient's answers, and the semantic checks that make a questionnaire safe to score. */
import type { Problem } from '../problems.js';
import { answerOf, matchAnswer, type Answers } from './answers.js';
import { disabledLinkIds } from './enable-when.js';
import { checkConditions } from './enable-when-checks.js';
import { itemLabels } from './labels.js';
import {
  isQuestion,
  isScoreItem,
  optionLabel,
  ordinalOf,
  walkItems,
  type AnswerOption,
  type Questionnaire,
  type QuestionnaireItem,
} from './items.js';

export interface QuestionnaireScore {
  /** Sum of the chosen options' ordinal values and the integer answers. */
  score: number;
  /** Points per answered, scored question, by linkId (an answered choice without ordinal values has none). */
  itemScores: Record<string, number>;
  /** Questions asked without a valid answer, in the order they are asked (invalid answers included); questions an enableWhen condition turned off are not missing. */
  missing: string[];
  /** Questions whose stored answer does not fit the item (not an option, wrong type); also listed in `missing`. */
  invalid: string[];
}

/** Scores answers against a questionnaire. Never throws: bad or absent answers are reported, not guessed. */
export function scoreOf(questionnaire: Questionnaire, answers: Answers): QuestionnaireScore {
  const itemScores: Record<string, number> = {};
  const missing: string[] = [];
  const invalid: string[] = [];
  let score = 0;
  const disabled = disabledLinkIds(questionnaire, answers);
  for (const { item } of walkItems(questionnaire)) {
    if (!isQuestion(item) || disabled.has(item.linkId)) continue;
    const value = answerOf(answers, item.linkId);
    if (value === undefined) {
      missing.push(item.linkId);
      continue;
    }
    const matched = matchAnswer(item, value);
    if (!matched.ok) {
      missing.push(item.linkId);
      invalid.push(item.linkId);
      continue;
    }
    // An integer answer counts as it is (a 0–10 scale); a decimal is a measurement, not points.
    const points = matched.option
      ? ordinalOf(matched.option)
      : item.type === 'integer' && typeof matched.value === 'number'
        ? matched.value
        : undefined;
    if (points === undefined) continue;
    itemScores[item.linkId] = points;
    score += points;
  }
  // Decimal weights (0.1 + 0.2) must not leak float noise into score bands.
  return { score: Math.round(score * 1e6) / 1e6, itemScores, missing, invalid };
}

/** The points one question scored, or undefined when unanswered or unscored — e.g. PHQ-9 item 9 (`44260-8`) above 0 needs follow-up. */
export function answerScore(questionnaire: Questionnaire, answers: Answers, linkId: string): number | undefined {
  const scores = scoreOf(questionnaire, answers).itemScores;
  return Object.prototype.hasOwnProperty.call(scores, linkId) ? scores[linkId] : undefined;
}

export interface CheckOptions {
  /** The journey reads the score (score bands), so some question must carry a score. */
  requireScores?: boolean;
  /** JSON pointer of the questionnaire inside the journey document, prefixed to every problem's pointer. */
  at?: string;
  stepId?: string;
}

/** Every semantic problem of a structurally valid questionnaire at once, each with a pointer and a plain sentence. */
export function checkQuestionnaire(questionnaire: Questionnaire, options: CheckOptions = {}): Problem[] {
  const at = options.at ?? '';
  const problems: Problem[] = [];
  const add = (code: string, pointer: string, severity: Problem['severity'], message: string) =>
    problems.push({
      code: `questionnaire.${code}`,
      pointer: at + pointer,
      ...(options.stepId ? { stepId: options.stepId } : {}),
      severity,
      message,
    });
  const labels = itemLabels(questionnaire);
  const seen = new Map<string, string>();
  let scoreItems = 0;
  let questions = 0;

  for (const { item, pointer } of walkItems(questionnaire)) {
    const name = labels.get(item.linkId)!;
    const first = seen.get(item.linkId);
    if (first !== undefined)
      add(
        'duplicate-link-id',
        `${pointer}/linkId`,
        'error',
        `Two items share the linkId "${item.linkId}" (the first is ${name}); answers could not be told apart.`,
      );
    else seen.set(item.linkId, pointer);

    if (item.type === 'group' && (item.item ?? []).length === 0)
      add('empty-group', pointer, 'error', `${name} has no items.`);
    if (item.type === 'display' && (item.item ?? []).length > 0)
      add(
        'display-with-items',
        `${pointer}/item`,
        'error',
        `${name} is a text item and cannot contain items; use a group.`,
      );
    if (item.type !== 'choice' && item.answerOption !== undefined)
      add(
        'options-ignored',
        `${pointer}/answerOption`,
        'warning',
        `${name} is not a choice question, so its answer options are ignored.`,
      );
    for (const problem of checkConditions(questionnaire, item, labels))
      add(problem.code, `${pointer}/enableWhen${problem.at}`, 'error', problem.message);
    if (isScoreItem(item)) scoreItems += 1;
    if (!isQuestion(item)) continue;
    questions += 1;

    if (item.text === undefined)
      add('question-without-text', pointer, 'error', `${name} has no text to show the patient.`);
    if (item.repeats === true)
      add(
        'repeats-unsupported',
        `${pointer}/repeats`,
        'warning',
        `${name} allows several answers; Carepath records only one.`,
      );
    if (item.type === 'choice') checkOptions(item, name, pointer, add);
  }

  if (questions === 0) add('no-questions', '/item', 'error', 'The questionnaire has no question a patient can answer.');
  else if (options.requireScores) problems.push(...scoreRequirementProblems(questionnaire, options));
  if (scoreItems > 1)
    add(
      'several-score-items',
      '/item',
      'warning',
      'The questionnaire has more than one total-score item; the total is recorded in the first.',
    );
  return problems;
}

/** Once the journey reads the score, something must carry one: a scored answer or an integer question. */
export function scoreRequirementProblems(questionnaire: Questionnaire, options: CheckOptions = {}): Problem[] {
  const questions = walkItems(questionnaire).filter(({ item }) => isQuestion(item));
  const scorable = questions.some(
    ({ item }) =>
      item.type === 'integer' || (item.answerOption ?? []).some((option) => ordinalOf(option) !== undefined),
  );
  if (questions.length === 0 || scorable) return [];
  return [
    {
      code: 'questionnaire.nothing-to-score',
      pointer: `${options.at ?? ''}/item`,
      ...(options.stepId ? { stepId: options.stepId } : {}),
      severity: 'error',
      message: 'The journey branches on the score, but no question of this questionnaire carries a score.',
    },
  ];
}

type Add = (code: string, pointer: string, severity: Problem['severity'], message: string) => void;

function checkOptions(item: QuestionnaireItem, name: string, pointer: string, add: Add): void {
  const answerOptions = item.answerOption ?? [];
  if (answerOptions.length === 0) {
    add('choice-without-options', pointer, 'error', `${name} has no answer options.`);
    return;
  }
  const keys = new Set<string>();
  answerOptions.forEach((option, index) => {
    const key = JSON.stringify(option.valueCoding?.code ?? option.valueInteger ?? option.valueString);
    if (keys.has(key))
      add('duplicate-option', `${pointer}/answerOption/${index}`, 'error', `${name} offers the answer ${key} twice.`);
    keys.add(key);
  });
  const withOrdinal = answerOptions.filter((option) => ordinalOf(option) !== undefined).length;
  if (withOrdinal > 0 && withOrdinal < answerOptions.length) {
    answerOptions.forEach((option, index) => {
      if (ordinalOf(option) === undefined)
        add(
          'option-without-score',
          `${pointer}/answerOption/${index}`,
          'error',
          `${name}: the answer ${optionName(option)} has no score while the others have one.`,
        );
    });
  }
  // A choice without any score (PHQ-9's "how difficult" question) is simply not counted: published instruments do that.
}

function optionName(option: AnswerOption): string {
  return `"${optionLabel(option)}"`;
}
