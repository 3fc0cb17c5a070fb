/** Engine behaviour of the message step: send (respecting quiet hours and the cap), then await a classified reply or go on. */
import type { MessageStep } from '../../../schema/steps/message.js';
import { classifyReply } from '../../../schema/steps/reply-classes.js';
import { durationMillis } from '../../../schema/duration.js';
import { armTimer, cancelTimer, type StepContext } from '../context.js';
import { deferIfNeeded, noteSent } from '../contact.js';
import { leave, pause, type Entry } from './entry.js';

export function enterMessage(ctx: StepContext, stepId: string, step: MessageStep, visit: number): Entry {
  if (deferIfNeeded(ctx, stepId, visit, step.channel)) return pause;
  return sendMessage(ctx, stepId, step, visit);
}

/** Emits the send; the host reports its delivery, which decides what comes next. */
export function sendMessage(ctx: StepContext, stepId: string, step: MessageStep, visit: number): Entry {
  ctx.commands.push({
    type: 'send',
    step: stepId,
    visit,
    channel: step.channel,
    connector: step.connector,
    template: step.template,
    purpose: 'message',
    ...(step.subject !== undefined ? { subject: step.subject } : {}),
  });
  noteSent(ctx, step.channel);
  ctx.state.phase = { kind: 'sending', step: stepId, visit };
  return pause;
}

/** After the send went out: await a reply (arming its timeout) or leave by `next`. */
export function messageDelivered(ctx: StepContext, stepId: string, step: MessageStep, visit: number): Entry {
  if (!step.await) return leave('next');
  const deadline = ctx.now + durationMillis(step.await.timeout);
  const timerId = armTimer(ctx, deadline);
  ctx.state.phase = { kind: 'awaiting-reply', step: stepId, visit, timerId, deadline };
  return pause;
}

/** A reply to an awaiting message: its class's output, or null when it matches no class (the step keeps waiting). */
export function messageReply(ctx: StepContext, step: MessageStep, timerId: string, text: string): Entry | null {
  const cls = classifyReply(step, text);
  if (!cls) return null;
  cancelTimer(ctx, timerId);
  return leave(cls.id, `replied "${text.slice(0, 160)}"`);
}
