/** Scoring a questionnaire from a patient's answers, and the semantic checks that make a questionnaire safe to score. */
import type { Problem } from '../problems.js';
import { answerOf, matchAnswer, type Answers } from './answers.js';
import { isQuestion, isScoreItem, ordinalOf, walkItems, type Questionnaire, type QuestionnaireItem } from './items.js';

export interface QuestionnaireScore {
  /** Sum of the chosen options' ordinal values and the integer answers. */
  score: number;
  /** Points per answered, scored question, by linkId (an answered choice without ordinal values has none). */
  itemScores: Record<string, number>;
  /** Questions without a valid answer, in the order they are asked (invalid answers included). */
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
  for (const { item } of walkItems(questionnaire)) {
    if (!isQuestion(item)) continue;
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
    const points = matched.option
      ? ordinalOf(matched.option)
      : typeof matched.value === 'number'
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

/** True when some option carries an ordinal value or a score item exists: the questionnaire is meant to be scored. */
export function isScored(questionnaire: Questionnaire): boolean {
  return walkItems(questionnaire).some(
    ({ item }) => isScoreItem(item) || (item.answerOption ?? []).some((option) => ordinalOf(option) !== undefined),
  );
}

export interface CheckOptions {
  /** The journey branches on the score (score bands), so every choice question must carry ordinal values. */
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
  const scored = options.requireScores === true || isScored(questionnaire);
  const seen = new Map<string, string>();
  let scoreItems = 0;
  let questions = 0;
  let scorable = 0;

  for (const { item, pointer } of walkItems(questionnaire)) {
    const name = `"${item.linkId}"`;
    const first = seen.get(item.linkId);
    if (first !== undefined)
      add(
        'duplicate-link-id',
        `${pointer}/linkId`,
        'error',
        `Two items share the linkId ${name} (the first is at ${at + first}); answers could not be told apart.`,
      );
    else seen.set(item.linkId, pointer);

    if (item.type === 'group' && (item.item ?? []).length === 0)
      add('empty-group', pointer, 'error', `Group ${name} has no items.`);
    if (item.type === 'display' && (item.item ?? []).length > 0)
      add('display-with-items', `${pointer}/item`, 'error', `Display item ${name} cannot contain items; use a group.`);
    if (item.type !== 'choice' && item.answerOption !== undefined)
      add(
        'options-ignored',
        `${pointer}/answerOption`,
        'warning',
        `Item ${name} is not a choice question, so its answer options are ignored.`,
      );
    if (isScoreItem(item)) scoreItems += 1;
    if (!isQuestion(item)) continue;
    questions += 1;
    if (item.type === 'integer' || (item.answerOption ?? []).some((option) => ordinalOf(option) !== undefined))
      scorable += 1;

    if (item.text === undefined)
      add('question-without-text', pointer, 'error', `Question ${name} has no text to show the patient.`);
    if (item.repeats === true)
      add(
        'repeats-unsupported',
        `${pointer}/repeats`,
        'warning',
        `Question ${name} allows several answers; Carepath records only one.`,
      );
    if (item.enableWhen !== undefined)
      add(
        'enable-when-unsupported',
        `${pointer}/enableWhen`,
        'warning',
        `Question ${name} has an enableWhen condition; Carepath asks it every time.`,
      );
    if (item.type === 'choice') checkOptions(item, pointer, scored, options.requireScores === true, add);
  }

  if (questions === 0) add('no-questions', '/item', 'error', 'The questionnaire has no question a patient can answer.');
  else if (options.requireScores && scorable === 0)
    add(
      'nothing-to-score',
      '/item',
      'error',
      'The journey branches on the score, but no question of this questionnaire carries a score.',
    );
  if (scoreItems > 1)
    add(
      'several-score-items',
      '/item',
      'warning',
      'The questionnaire has more than one total-score item; the total is recorded in the first.',
    );
  return problems;
}

type Add = (code: string, pointer: string, severity: Problem['severity'], message: string) => void;

function checkOptions(
  item: QuestionnaireItem,
  pointer: string,
  scored: boolean,
  requireScores: boolean,
  add: Add,
): void {
  const name = `"${item.linkId}"`;
  const answerOptions = item.answerOption ?? [];
  if (answerOptions.length === 0) {
    add('choice-without-options', pointer, 'error', `Choice question ${name} has no answer options.`);
    return;
  }
  const keys = new Set<string>();
  answerOptions.forEach((option, index) => {
    const key = JSON.stringify(option.valueCoding?.code ?? option.valueInteger ?? option.valueString);
    if (keys.has(key))
      add(
        'duplicate-option',
        `${pointer}/answerOption/${index}`,
        'error',
        `Choice question ${name} offers the answer ${key} twice.`,
      );
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
          `An answer of question ${name} has no score (ordinalValue) while the others have one.`,
        );
    });
  } else if (withOrdinal === 0 && requireScores) {
    add(
      'question-without-scores',
      `${pointer}/answerOption`,
      'error',
      `The journey branches on the score, but question ${name} has no scores (ordinalValue) on its answers.`,
    );
  } else if (withOrdinal === 0 && scored) {
    add(
      'question-not-scored',
      `${pointer}/answerOption`,
      'warning',
      `Question ${name} has no scores on its answers, so it does not count towards the total.`,
    );
  }
}
