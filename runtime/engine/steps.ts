/** What happens when an enrollment enters a step of each type: pause (send, wait) or move straight on. */
import type { Step } from '../../schema/steps/registry.js';
import { durationMillis } from '../../schema/duration.js';
import { armTimer, type StepContext } from './context.js';

/** The outcome of entering a step: the journey pauses there, leaves by an output at once, or completes. */
export type Entry = { kind: 'pause' } | { kind: 'leave'; output: string } | { kind: 'complete' };

export function enterStep(ctx: StepContext, stepId: string, step: Step, visit: number): Entry {
  switch (step.type) {
    case 'message':
      ctx.commands.push({ type: 'send', step: stepId, visit, channel: step.channel, connector: step.connector, template: step.template, ...(step.subject !== undefined ? { subject: step.subject } : {}) });
      ctx.state.phase = { kind: 'sending', step: stepId, visit };
      return { kind: 'pause' };
    case 'wait': {
      const until = ctx.now + durationMillis(step.wait.duration);
      const timerId = armTimer(ctx, until);
      ctx.state.phase = { kind: 'waiting', step: stepId, visit, timerId, until };
      return { kind: 'pause' };
    }
    case 'end':
      return { kind: 'complete' };
  }
}

/** After a message step's send went out: await a reply (arming its timeout) or leave by `next`. */
export function afterSend(ctx: StepContext, stepId: string, step: Step, visit: number): Entry {
  if (step.type === 'message' && step.await) {
    const deadline = ctx.now + durationMillis(step.await.timeout);
    const timerId = armTimer(ctx, deadline);
    ctx.state.phase = { kind: 'awaiting-reply', step: stepId, visit, timerId, deadline };
    return { kind: 'pause' };
  }
  return { kind: 'leave', output: 'next' };
}
