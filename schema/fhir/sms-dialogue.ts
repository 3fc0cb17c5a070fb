/** Delivering a questionnaire by SMS, one question per message: the text to send, reading the reply, and which question comes next. */
import { answerOf, matchAnswer, type Answers, type AnswerValue } from './answers.js';
import { isAsked } from './enable-when.js';
import {
  findItem,
  integerBounds,
  isQuestion,
  optionLabel,
  ordinalOf,
  questionsOf,
  type Questionnaire,
  type QuestionnaireItem,
} from './items.js';

/**
 * The reply convention: a patient answers a choice question with the number printed before the option.
 * That number is the option's own value when every option is a distinct valueInteger, else its score when
 * every option has a distinct whole-number ordinal value (PHQ-9 and GAD-7: 0–3, as on the paper form),
 * else its 1-based position. Rendering and parsing both use this one function, so they cannot disagree.
 * The code (LA6569-3) and the display text (Several days) are accepted too, ignoring case and spacing.
 */
export function optionNumbers(item: QuestionnaireItem): number[] {
  const options = item.answerOption ?? [];
  const distinctWholeNumbers = (values: Array<number | undefined>): values is number[] =>
    values.every((value) => value !== undefined && Number.isInteger(value) && value >= 0) &&
    new Set(values).size === values.length;
  const values = options.map((option) => option.valueInteger);
  if (distinctWholeNumbers(values)) return values;
  const ordinals = options.map((option) => ordinalOf(option));
  if (distinctWholeNumbers(ordinals)) return ordinals;
  return options.map((_, index) => index + 1);
}

export interface QuestionTextOptions {
  /**
   * Text of enclosing groups and of display items just before the question (the PHQ-9 stem "Over the last 2 weeks…"):
   * `first` (default) sends it with the first question it introduces, `always` with every question, `never` not at all.
   */
  context?: 'first' | 'always' | 'never';
  /** Prefix "(2/9)" so the patient sees how far along they are. Default true. */
  progress?: boolean;
}

/** The SMS for one question: context, progress, question, and how to reply. Throws for a linkId that is not a question. */
export function questionText(questionnaire: Questionnaire, linkId: string, options: QuestionTextOptions = {}): string {
  const questions = questionsOf(questionnaire);
  const index = questions.findIndex((located) => located.item.linkId === linkId);
  if (index < 0) throw new RangeError(`"${linkId}" is not a question of questionnaire "${questionnaire.id}"`);
  const { item } = questions[index];
  const parts: string[] = [];
  if (options.progress !== false) parts.push(`(${index + 1}/${questions.length})`);
  parts.push(...contextOf(questionnaire, linkId, options.context ?? 'first'));
  if (item.text !== undefined) parts.push(sentence(item.text));
  parts.push(replyPrompt(item));
  return parts.join(' ');
}

export type SmsAnswer = { ok: true; answer: AnswerValue } | { ok: false; reason: string };

/** Reads a patient's SMS reply to one question. `reason` is a sentence fit to send back before asking again. */
export function parseSmsAnswer(questionnaire: Questionnaire, linkId: string, replyText: string): SmsAnswer {
  const item = findItem(questionnaire, linkId)?.item;
  if (!item || !isQuestion(item))
    throw new RangeError(`"${linkId}" is not a question of questionnaire "${questionnaire.id}"`);
  const reply = normalize(replyText);
  const isNumber = /^[+-]?\d{1,9}$/.test(reply);
  switch (item.type) {
    case 'choice': {
      const answerOptions = item.answerOption ?? [];
      const numbers = optionNumbers(item);
      const index = isNumber
        ? numbers.indexOf(Number(reply))
        : answerOptions.findIndex((option) =>
            [option.valueCoding?.code, option.valueCoding?.display, option.valueString].some(
              (text) => text !== undefined && normalize(text) === reply,
            ),
          );
      if (index < 0) return { ok: false, reason: `Please reply with ${orList(numbers.map(String))}.` };
      const option = answerOptions[index];
      return { ok: true, answer: option.valueCoding?.code ?? option.valueInteger ?? option.valueString! };
    }
    case 'integer': {
      const { min, max } = integerBounds(item);
      const value = Number(reply);
      if (!isNumber || (min !== undefined && value < min) || (max !== undefined && value > max))
        return { ok: false, reason: `Please ${integerPrompt(item)}.` };
      return { ok: true, answer: value };
    }
    case 'decimal': {
      const value = Number(reply.replace(',', '.'));
      return /^[+-]?\d{1,9}([.,]\d{1,6})?$/.test(reply)
        ? { ok: true, answer: value }
        : { ok: false, reason: 'Please reply with a number, such as 72.5.' };
    }
    case 'string':
    case 'text':
      // The patient's own words, as sent (only trimmed): normalising would change what they said.
      return replyText.trim() !== ''
        ? { ok: true, answer: replyText.trim().slice(0, 2000) }
        : { ok: false, reason: 'Please reply with a few words.' };
    case 'boolean':
      if (['yes', 'y'].includes(reply)) return { ok: true, answer: true };
      if (['no', 'n'].includes(reply)) return { ok: true, answer: false };
      return { ok: false, reason: 'Please reply YES or NO.' };
    default:
      throw new RangeError(`"${linkId}" is a ${item.type} item and takes no answer`);
  }
}

/** The next question to send: the first asked one, in document order, without a valid answer; undefined when all are answered. */
export function nextQuestion(questionnaire: Questionnaire, answers: Answers): string | undefined {
  return questionsOf(questionnaire).find((located) => {
    const { item } = located;
    if (!isAsked(located, answers)) return false;
    const value = answerOf(answers, item.linkId);
    return value === undefined || !matchAnswer(item, value).ok;
  })?.item.linkId;
}

function contextOf(questionnaire: Questionnaire, linkId: string, mode: 'first' | 'always' | 'never'): string[] {
  if (mode === 'never') return [];
  const parts: string[] = [];
  const located = findItem(questionnaire, linkId)!;
  for (const parent of located.parents) {
    const firstQuestion = questionsOf({ ...questionnaire, item: [parent] })[0]?.item.linkId;
    if (parent.text !== undefined && (mode === 'always' || firstQuestion === linkId)) parts.push(sentence(parent.text));
  }
  // Display items directly before the question introduce it (instructions, a stem); a question in between ends that.
  const siblings = located.parents.at(-1)?.item ?? questionnaire.item;
  const position = siblings.findIndex((sibling) => sibling.linkId === linkId);
  const intro: string[] = [];
  for (let i = position - 1; i >= 0 && siblings[i].type === 'display'; i -= 1) {
    if (siblings[i].text !== undefined) intro.unshift(sentence(siblings[i].text!));
  }
  return [...parts, ...intro];
}

function replyPrompt(item: QuestionnaireItem): string {
  if (item.type === 'boolean') return 'Reply YES or NO';
  if (item.type === 'integer') return `${capitalize(integerPrompt(item))}`;
  if (item.type === 'decimal') return 'Reply with a number';
  if (item.type === 'string' || item.type === 'text') return 'Reply in your own words';
  const answerOptions = item.answerOption ?? [];
  const numbers = optionNumbers(item);
  const labels = answerOptions.map((option) => optionLabel(option));
  // A bare numeric scale (valueInteger 0..10) reads better as a range than as eleven numbers.
  const bareScale =
    labels.every((label, i) => label === String(numbers[i])) &&
    numbers.every((n, i) => i === 0 || n === numbers[i - 1] + 1);
  if (bareScale && numbers.length > 2) return `Reply a number from ${numbers[0]} to ${numbers.at(-1)}`;
  return `Reply ${answerOptions.map((_, i) => (labels[i] === String(numbers[i]) ? labels[i] : `${numbers[i]} ${labels[i]}`)).join(', ')}`;
}

function integerPrompt(item: QuestionnaireItem): string {
  const { min, max } = integerBounds(item);
  if (min !== undefined && max !== undefined) return `reply a number from ${min} to ${max}`;
  if (min !== undefined) return `reply a number of at least ${min}`;
  if (max !== undefined) return `reply a number up to ${max}`;
  return 'reply a whole number';
}

/** Replies compare ignoring case, spacing, trailing full stops and surrounding quotes ("Several days." = several days). */
function normalize(text: string): string {
  return text
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/^["'“”‘’]+|["'“”‘’]+$/g, '')
    .replace(/[.!]+$/, '')
    .trim();
}

function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.?!:]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function orList(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}
