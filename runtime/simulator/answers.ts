/** A persona's assessment answers as the patient gives them: SMS reply text for one question, or a whole web form. */
import type { AnswerValue } from '../../schema/fhir/answers.js';
import { questionsOf } from '../../schema/fhir/questionnaire.js';
import { parseSmsAnswer } from '../../schema/fhir/sms-dialogue.js';
import type { Step } from '../../schema/steps/registry.js';
import { answerText } from './behaviour.js';
import type { AnswerRule } from './personas.js';
import type { Random } from './prng.js';

/** The text the patient texts back to one question; a declining persona sends the step's first decline word. */
export function answerForQuestion(
  step: Step | undefined,
  rule: AnswerRule | undefined,
  linkId: string,
  random: Random,
): string | undefined {
  if (step?.type !== 'assessment') return undefined;
  return answerText(rule, linkId, random, step.declineWords[0] ?? 'decline');
}

/**
 * A submitted web form: every question the persona answers, read the way an SMS reply would be, so one personas file
 * serves both deliveries. A declining or silent persona never submits it.
 */
export function formAnswers(
  step: Step | undefined,
  rule: AnswerRule | undefined,
  random: Random,
): Record<string, AnswerValue> | undefined {
  if (step?.type !== 'assessment' || !rule || !('answers' in rule)) return undefined;
  const answers: Record<string, AnswerValue> = {};
  for (const { item } of questionsOf(step.questionnaire)) {
    const text = answerText(rule, item.linkId, random, '');
    if (text === undefined) continue;
    const parsed = parseSmsAnswer(step.questionnaire, item.linkId, text);
    if (parsed.ok) answers[item.linkId] = parsed.answer;
  }
  return Object.keys(answers).length > 0 ? answers : undefined;
}
