/** The Workflow Update that carries a patient's reply to its enrollment, the rule its validator applies, and what it answers. */
import { defineSignal, defineUpdate } from '@temporalio/workflow';
import type { JourneyDocument } from '../../schema/document.js';
import type { EngineEvent, EnrollmentState } from '../engine/types.js';
import type { ReplySignal } from './types.js';

/** What became of a reply: applied (the step moved on or took the answer), or not understood with the text to send back. */
export interface ReplyResult {
  applied: boolean;
  /** The step the reply was for. */
  step: string;
  /** The output taken, when the reply moved the journey on. */
  output?: string;
  /** When not applied: the step's "not understood" answer, to send to the patient; the journey keeps waiting. */
  notUnderstood?: string;
}

/** Used when neither the step nor the journey says what to answer a reply that fits no class. */
export const DEFAULT_NOT_UNDERSTOOD =
  'Sorry, we did not understand that reply. Please answer with one of the options in our last message.';

export const replyUpdate = defineUpdate<ReplyResult, [ReplySignal]>('submitReply');

/** A provider reported that a message it had accepted never arrived; the step takes its `failed` output if it still waits. */
export interface DeliveryFailure {
  step: string;
  visit: number;
  error: string;
}

export const deliveryFailedSignal = defineSignal<[DeliveryFailure]>('deliveryFailed');

/**
 * Why the workflow refuses a reply now, or undefined when it waits for one. `queued` holds events not applied yet:
 * a timeout that fired or an exit under way means this reply would not be the one awaited.
 */
export function replyRefusal(
  state: EnrollmentState,
  queued: readonly EngineEvent[],
  reply: ReplySignal,
): string | undefined {
  if (reply.text.trim() === '') return 'The reply is empty.';
  if (state.status !== 'running') return `The enrollment has ended (${state.status}).`;
  const { phase } = state;
  const awaiting = phase.kind === 'awaiting-reply' || (phase.kind === 'assessing' && phase.question !== undefined);
  if (!awaiting) return 'The journey is not waiting for a reply right now.';
  if (queued.some((e) => e.type === 'exit')) return 'The enrollment is ending.';
  if (queued.some((e) => e.type === 'timer' && e.id === phase.timerId))
    return 'The reply came after the step timed out.';
  return undefined;
}

/** The answer for a reply that fit no class of the awaiting message step. */
export function notUnderstoodText(definition: JourneyDocument, stepId: string): string {
  const step = definition.steps[stepId];
  const own = step?.type === 'message' ? step.await?.notUnderstood : undefined;
  return own ?? definition.settings.notUnderstood ?? DEFAULT_NOT_UNDERSTOOD;
}
