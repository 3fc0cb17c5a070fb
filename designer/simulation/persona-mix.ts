/** The Simulate panel's personas as a manager sets them (share, reply rate and delay, which replies) and the simulator's personas built from them for one journey. */
import type { JourneyDocument } from '../../schema/index.js';
import { optionNumbers, questionsOf } from '../../schema/fhir/index.js';
import { Persona, type AnswerRule, type ReplyRule, type TaskRule } from '../../runtime/simulator/index.js';
import { samplePatients } from '../review/sample-patients.js';

/** Which of a step's choices (reply classes, answer options, task outcomes) a persona picks. */
export type Leaning = 'first' | 'last' | 'any';

export interface PersonaMix {
  id: string;
  /** Share of the cohort relative to the other personas. */
  weight: number;
  /** Chance (0–1) of answering a message that awaits a reply, an assessment, or of the care team recording a task outcome. */
  replyRate: number;
  /** How long after the message the answer comes (ISO 8601). */
  replyAfter: string;
  leaning: Leaning;
}

/** A cohort where most patients engage, some hesitate and some never answer. */
export const defaultMixes: PersonaMix[] = [
  { id: 'engaged', weight: 60, replyRate: 0.95, replyAfter: 'PT2H', leaning: 'first' },
  { id: 'hesitant', weight: 25, replyRate: 0.5, replyAfter: 'P1D', leaning: 'any' },
  { id: 'silent', weight: 15, replyRate: 0, replyAfter: 'PT1H', leaning: 'any' },
];

/** The picks a leaning makes from `items`, each with its share of `rate`. */
function lean<T>(items: readonly T[], leaning: Leaning, rate: number): Array<{ item: T; probability: number }> {
  if (items.length === 0 || rate <= 0) return [];
  if (leaning === 'first') return [{ item: items[0], probability: rate }];
  if (leaning === 'last') return [{ item: items[items.length - 1], probability: rate }];
  // Rounded down a hair, so n shares never add up past the rate (the schema refuses a total over 1).
  const share = Math.floor((rate / items.length) * 1e9) / 1e9;
  return items.map((item) => ({ item, probability: share }));
}

/**
 * A simulator persona for this journey: a reply in a reply class of every message that awaits one, answers to every
 * assessment question, an outcome for every task. Date attributes fall two weeks after enrollment; other attributes
 * take the first sample patient's values, so branches on them are exercised as the preview shows them.
 */
export function personaFor(document: JourneyDocument, mix: PersonaMix): Persona {
  const sample = samplePatients(document)[0]?.attributes ?? {};
  const attributes: Record<string, unknown> = {};
  for (const [name, declaration] of Object.entries(document.attributes ?? {}))
    attributes[name] = declaration.type === 'date' ? { fromStart: 'P14D' } : sample[name];
  const replies: ReplyRule[] = [];
  const answers: AnswerRule[] = [];
  const taskOutcomes: TaskRule[] = [];
  const after = mix.replyAfter;
  for (const [stepId, step] of Object.entries(document.steps)) {
    if (step.type === 'message' && step.await) {
      const words = step.await.classes.filter((c) => c.match.length > 0).map((c) => c.match[0]);
      const choices = lean(words, mix.leaning, mix.replyRate).map(({ item, probability }) => ({
        text: item,
        probability,
      }));
      if (choices.length > 0) replies.push({ step: stepId, choices, after });
    } else if (step.type === 'assessment' && mix.replyRate > 0) {
      const byItem: Record<string, Array<{ value: string; probability: number }>> = {};
      for (const { item } of questionsOf(step.questionnaire)) {
        const numbers = optionNumbers(item).map(String);
        const picks = lean(numbers.length > 0 ? numbers : ['1'], mix.leaning, mix.replyRate);
        byItem[item.linkId] = picks.map(({ item: value, probability }) => ({ value, probability }));
      }
      answers.push({ step: stepId, answers: byItem, after });
    } else if (step.type === 'task') {
      const choices = lean(step.outcomes, mix.leaning, mix.replyRate).map(({ item, probability }) => ({
        outcome: item.id,
        probability,
      }));
      if (choices.length > 0) taskOutcomes.push({ step: stepId, choices, after });
    }
  }
  return Persona.parse({ id: mix.id, weight: mix.weight, attributes, replies, answers, taskOutcomes });
}
