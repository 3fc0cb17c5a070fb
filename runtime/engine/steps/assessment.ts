/** Engine behaviour of the assessment step: question by question by SMS (re-asked once on an invalid answer) or one web-form link; scored at the end. */
import type { AssessmentStep } from '../../../schema/steps/assessment.js';
import { durationMillis } from '../../../schema/duration.js';
import { normalizeReply } from '../../../schema/steps/reply-classes.js';
import { parseSmsAnswer, questionText } from '../../../schema/fhir/sms-dialogue.js';
import { questionsOf } from '../../../schema/fhir/items.js';
import { scoreOf } from '../../../schema/fhir/scoring.js';
import { isAsked } from '../../../schema/fhir/enable-when.js';
import { buildQuestionnaireResponse } from '../../../schema/fhir/response.js';
import { armTimer, cancelTimer, type StepContext } from '../context.js';
import { deferIfNeeded, noteSent } from '../contact.js';
import { leave, pause, type Entry } from './entry.js';

type Answer = string | number | boolean;
type Assessing = Extract<StepContext['state']['phase'], { kind: 'assessing' }>;

export function enterAssessment(ctx: StepContext, stepId: string, step: AssessmentStep, visit: number): Entry {
  if (deferIfNeeded(ctx, stepId, visit, step.channel)) return pause;
  return startAssessment(ctx, stepId, step, visit);
}

export function startAssessment(ctx: StepContext, stepId: string, step: AssessmentStep, visit: number): Entry {
  const deadline = ctx.now + durationMillis(step.timeout);
  const timerId = armTimer(ctx, deadline);
  ctx.state.answers = {};
  const phase: Assessing = { kind: 'assessing', step: stepId, visit, timerId, deadline, reasked: false, skipped: [] };
  ctx.state.phase = phase;
  // One assessment is one contact for the frequency cap, however many questions it asks: noted once, here.
  noteSent(ctx, step.channel);
  const send = (
    template: string,
    literal: boolean,
    purpose: 'question' | 'assessment-link' | 'reask' | 'message',
    part: string,
  ) => {
    ctx.commands.push({
      type: 'send',
      step: stepId,
      visit,
      channel: step.channel,
      connector: step.connector,
      template,
      literal,
      purpose,
      part,
    });
  };
  if (step.delivery === 'web-link') {
    send(step.intro ?? '', false, 'assessment-link', 'link');
    return pause;
  }
  if (step.intro) send(step.intro, false, 'message', 'intro');
  return askNext(ctx, step, phase, send);
}

function askNext(
  ctx: StepContext,
  step: AssessmentStep,
  phase: Assessing,
  send?: (t: string, l: boolean, p: 'question', part: string) => void,
): Entry {
  const answers = ctx.state.answers ?? {};
  // A question whose enableWhen conditions do not hold under the answers so far is not asked (nor scored).
  const next = questionsOf(step.questionnaire)
    .filter((q) => isAsked(q, answers))
    .map((q) => q.item.linkId)
    .find((id) => answers[id] === undefined && !phase.skipped.includes(id));
  if (next === undefined) return finishAssessment(ctx, step, phase, 'completed');
  phase.question = next;
  phase.reasked = false;
  const text = questionText(step.questionnaire, next);
  if (send) send(text, true, 'question', `q:${next}`);
  else {
    // Later questions answer the patient's own reply, so they go at once (not deferred by quiet hours or the cap).
    ctx.commands.push({
      type: 'send',
      step: phase.step,
      visit: phase.visit,
      channel: step.channel,
      connector: step.connector,
      template: text,
      literal: true,
      purpose: 'question',
      part: `q:${next}`,
    });
  }
  return pause;
}

/** An SMS reply during the dialogue: an answer, a decline, or an invalid answer asked once more (then skipped). */
export function assessmentReply(ctx: StepContext, step: AssessmentStep, phase: Assessing, text: string): Entry | null {
  if (step.declineWords.some((word) => normalizeReply(word) === normalizeReply(text))) {
    cancelTimer(ctx, phase.timerId);
    return finishAssessment(ctx, step, phase, 'declined');
  }
  if (step.delivery !== 'sms' || phase.question === undefined) return null;
  const parsed = parseSmsAnswer(step.questionnaire, phase.question, text);
  if (parsed.ok) {
    ctx.state.answers = { ...(ctx.state.answers ?? {}), [phase.question]: parsed.answer };
    return askNext(ctx, step, phase);
  }
  if (!phase.reasked) {
    phase.reasked = true;
    ctx.commands.push({
      type: 'send',
      step: phase.step,
      visit: phase.visit,
      channel: step.channel,
      connector: step.connector,
      template: `${parsed.reason} ${questionText(step.questionnaire, phase.question, { progress: false, context: 'never' })}`,
      literal: true,
      purpose: 'reask',
      part: `reask:${phase.question}`,
    });
    return pause;
  }
  phase.skipped.push(phase.question);
  return askNext(ctx, step, phase);
}

/** Answers from the web form arrive all at once. */
export function assessmentResponse(
  ctx: StepContext,
  step: AssessmentStep,
  phase: Assessing,
  answers: Record<string, Answer>,
): Entry {
  ctx.state.answers = { ...answers };
  cancelTimer(ctx, phase.timerId);
  return finishAssessment(ctx, step, phase, 'completed');
}

export function assessmentTimedOut(ctx: StepContext, step: AssessmentStep, phase: Assessing): Entry {
  return finishAssessment(ctx, step, phase, 'timeout');
}

function finishAssessment(
  ctx: StepContext,
  step: AssessmentStep,
  phase: Assessing,
  outcome: 'completed' | 'declined' | 'timeout',
): Entry {
  const answers = ctx.state.answers ?? {};
  if (outcome === 'completed') {
    if (ctx.state.timers.some((t) => t.id === phase.timerId)) cancelTimer(ctx, phase.timerId);
    const { score, itemScores, missing } = scoreOf(step.questionnaire, answers);
    // Expressions read item scores where an item is scored (PHQ-9 item 9 > 0), the raw answer otherwise.
    const readable: Record<string, Answer> = { ...answers, ...itemScores };
    ctx.state.assessment = { step: phase.step, score, answers: readable, completedAt: ctx.now };
    const response = buildQuestionnaireResponse({
      questionnaire: step.questionnaire,
      answers,
      authored: new Date(ctx.now).toISOString(),
      status: 'completed',
    });
    ctx.commands.push({ type: 'record-assessment', step: phase.step, visit: phase.visit, score, answers, response });
    ctx.state.answers = undefined;
    return leave('completed', `score ${score}${missing.length ? `, ${missing.length} unanswered` : ''}`);
  }
  if (Object.keys(answers).length > 0) {
    const response = buildQuestionnaireResponse({
      questionnaire: step.questionnaire,
      answers,
      authored: new Date(ctx.now).toISOString(),
      status: 'stopped',
    });
    ctx.commands.push({
      type: 'record-assessment',
      step: phase.step,
      visit: phase.visit,
      score: scoreOf(step.questionnaire, answers).score,
      answers,
      response,
    });
  }
  ctx.state.answers = undefined;
  return leave(outcome);
}
