/** Everything a journey says to a patient (and to the nurse on the call), rendered for one sample patient with the schema's strict Liquid. */
import type { AssessmentStep, JourneyDocument, MessageStep, TaskStep } from '../../schema/index.js';
import { optionLabel, optionNumbers, questionsOf, questionText } from '../../schema/fhir/index.js';
import { renderTemplate, smsSegments, type SmsSegments } from '../../schema/templates/index.js';
import { messageContext, SAMPLE_FORM_LINK, type JourneyRef } from './message-context.js';
import type { SamplePatient } from './sample-patients.js';
import { stepOrder } from './step-order.js';

/** A rendered template, or the sentence saying why it cannot be sent to this patient. */
export type RenderedText = { ok: true; text: string } | { ok: false; error: string };

export interface RenderedMessage {
  kind: 'message';
  stepId: string;
  name: string;
  channel: MessageStep['channel'];
  connector: string;
  subject?: RenderedText;
  body: RenderedText;
  /** SMS only: how the rendered text is encoded and how many segments it takes, against the journey's budget. */
  sms?: SmsSegments & { budget: number };
}

export interface RenderedQuestion {
  linkId: string;
  /** The text exactly as sent: the SMS for one question (progress, stem, reply prompt), or the form's question text. */
  text: string;
  options: Array<{ number: number; label: string }>;
  sms?: SmsSegments;
}

export interface RenderedAssessment {
  kind: 'assessment';
  stepId: string;
  name: string;
  title: string;
  delivery: AssessmentStep['delivery'];
  channel: AssessmentStep['channel'];
  intro?: RenderedText;
  questions: RenderedQuestion[];
}

export interface RenderedTask {
  kind: 'task';
  stepId: string;
  name: string;
  title: string;
  queue: string;
  talkingPoints: string[];
  outcomes: string[];
  deadline: string;
}

export type RenderedStep = RenderedMessage | RenderedAssessment | RenderedTask;

function render(source: string, context: Record<string, unknown>): RenderedText {
  try {
    return { ok: true, text: renderTemplate(source, context) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** One message step rendered for one patient context; the reviewer's list and the editor's preview both use it. */
export function renderMessage(stepId: string, step: MessageStep, context: Record<string, unknown>, budget: number) {
  const body = render(step.template, context);
  const message: RenderedMessage = {
    kind: 'message',
    stepId,
    name: step.name || stepId,
    channel: step.channel,
    connector: step.connector,
    body,
  };
  if (step.subject !== undefined) message.subject = render(step.subject, context);
  if (step.channel === 'sms' && body.ok) message.sms = { ...smsSegments(body.text), budget };
  return message;
}

function renderAssessment(stepId: string, step: AssessmentStep, context: Record<string, unknown>): RenderedAssessment {
  const bySms = step.delivery === 'sms';
  const questions = questionsOf(step.questionnaire).map(({ item }) => {
    // Question wording is approved text, sent literally: never through Liquid.
    const text = bySms ? questionText(step.questionnaire, item.linkId) : (item.text ?? item.linkId);
    const numbers = optionNumbers(item);
    return {
      linkId: item.linkId,
      text,
      options: (item.answerOption ?? []).map((option, i) => ({ number: numbers[i], label: optionLabel(option) })),
      ...(bySms && step.channel === 'sms' ? { sms: smsSegments(text) } : {}),
    };
  });
  return {
    kind: 'assessment',
    stepId,
    name: step.name || stepId,
    title: step.questionnaire.title,
    delivery: step.delivery,
    channel: step.channel,
    ...(step.intro !== undefined
      ? { intro: render(step.intro, { ...context, assessment: { link: SAMPLE_FORM_LINK } }) }
      : {}),
    questions,
  };
}

function describeTask(stepId: string, step: TaskStep): RenderedTask {
  return {
    kind: 'task',
    stepId,
    name: step.name || stepId,
    title: step.title,
    queue: step.queue,
    talkingPoints: step.talkingPoints ?? [],
    outcomes: step.outcomes.map((o) => o.label ?? o.id),
    deadline: step.deadline,
  };
}

/** Every message, assessment and task of the journey, in the order a patient meets them, rendered for `patient`. */
export function renderJourneyMessages(
  document: JourneyDocument,
  patient: Pick<SamplePatient, 'name' | 'attributes'>,
  journey: JourneyRef,
): RenderedStep[] {
  const context = messageContext(patient, journey);
  const out: RenderedStep[] = [];
  for (const stepId of stepOrder(document)) {
    const step = document.steps[stepId];
    if (step.type === 'message') out.push(renderMessage(stepId, step, context, document.settings.smsSegmentBudget));
    else if (step.type === 'assessment') out.push(renderAssessment(stepId, step, context));
    else if (step.type === 'task') out.push(describeTask(stepId, step));
  }
  return out;
}
