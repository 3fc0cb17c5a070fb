/** How a persona reacts to one command: which rule applies to a step and visit, and what that rule draws from the patient's stream. */
import { durationMillis } from '../../schema/duration.js';
import type { AnswerRule, FailureRule, ReplyRule, TaskRule } from './personas.js';
import { pickWeighted, type Random } from './prng.js';

interface Selectable {
  step?: string;
  visit?: number;
}

/** The most specific rule for a step and visit: a named step beats `*`, a named visit beats any visit; ties go to the earlier rule. */
export function ruleFor<R extends Selectable>(rules: readonly R[], step: string, visit: number): R | undefined {
  let best: R | undefined;
  let bestScore = -1;
  for (const rule of rules) {
    const named = rule.step !== undefined && rule.step !== '*';
    if (named && rule.step !== step) continue;
    if (rule.visit !== undefined && rule.visit !== visit) continue;
    const score = (named ? 2 : 0) + (rule.visit !== undefined ? 1 : 0);
    if (score > bestScore) [best, bestScore] = [rule, score];
  }
  return best;
}

/** Durations are parsed once per distinct text; a cohort asks for the same few thousands of times. */
const durationCache = new Map<string, number>();
export function millis(duration: string): number {
  let ms = durationCache.get(duration);
  if (ms === undefined) {
    ms = durationMillis(duration);
    durationCache.set(duration, ms);
  }
  return ms;
}

export interface Reaction<T> {
  value: T;
  afterMs: number;
}

/** The reply to an awaiting message, or undefined for silence. */
export function replyTo(rule: ReplyRule | undefined, random: Random): Reaction<string> | undefined {
  if (!rule || 'never' in rule) return undefined;
  if ('text' in rule) return { value: rule.text, afterMs: millis(rule.after) };
  const choice = pickWeighted(rule.choices, random);
  return choice && { value: choice.text, afterMs: millis(choice.after ?? rule.after) };
}

/** The care team's outcome for a task, or undefined when nobody records one (the task escalates). */
export function taskOutcome(rule: TaskRule | undefined, random: Random): Reaction<string> | undefined {
  if (!rule || 'never' in rule) return undefined;
  if ('outcome' in rule) return { value: rule.outcome, afterMs: millis(rule.after) };
  const choice = pickWeighted(rule.choices, random);
  return choice && { value: choice.outcome, afterMs: millis(choice.after ?? rule.after) };
}

/** The delay before answering an assessment's question or form; undefined when the persona stays silent. */
export function answerDelay(rule: AnswerRule | undefined): number | undefined {
  return !rule || 'never' in rule ? undefined : millis(rule.after);
}

/** What the patient types for one item: the rule's value as text, `*` for unlisted items; undefined is silence. */
export function answerText(
  rule: AnswerRule | undefined,
  linkId: string,
  random: Random,
  declineWord: string,
): string | undefined {
  if (!rule || 'never' in rule) return undefined;
  if ('decline' in rule) return declineWord;
  const own = Object.prototype.hasOwnProperty.call(rule.answers, linkId) ? rule.answers[linkId] : rule.answers['*'];
  if (own === undefined) return undefined;
  const value = Array.isArray(own) ? pickWeighted(own, random)?.value : own;
  if (value === undefined) return undefined;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}

/** The error a send fails with, or undefined when it is delivered. */
export function deliveryFailure(
  rules: readonly FailureRule[],
  step: string,
  visit: number,
  channel: string,
  random: Random,
): string | undefined {
  const rule = ruleFor(
    rules.filter((r) => r.channel === undefined || r.channel === channel),
    step,
    visit,
  );
  if (!rule) return undefined;
  return rule.probability >= 1 || random() < rule.probability ? rule.error : undefined;
}
