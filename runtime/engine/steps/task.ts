/** Engine behaviour of the task step: create a task for a queue, wait for its outcome, escalate at the service-level deadline. */
import type { TaskStep } from '../../../schema/steps/task.js';
import { durationMillis } from '../../../schema/duration.js';
import { armTimer, cancelTimer, type StepContext } from '../context.js';
import { leave, pause, type Entry } from './entry.js';

export function enterTask(ctx: StepContext, stepId: string, step: TaskStep, visit: number): Entry {
  const dueAt = ctx.now + durationMillis(step.deadline);
  ctx.commands.push({
    type: 'create-task',
    step: stepId,
    visit,
    queue: step.queue,
    title: step.title,
    talkingPoints: step.talkingPoints,
    outcomes: step.outcomes.map((o) => o.id),
    dueAt,
  });
  const timerId = armTimer(ctx, dueAt);
  ctx.state.phase = { kind: 'awaiting-task', step: stepId, visit, timerId, deadline: dueAt };
  return pause;
}

export function taskOutcome(
  ctx: StepContext,
  step: TaskStep,
  stepId: string,
  visit: number,
  timerId: string,
  outcome: string,
  note?: string,
): Entry | null {
  if (!step.outcomes.some((o) => o.id === outcome)) return null;
  cancelTimer(ctx, timerId);
  ctx.commands.push({ type: 'close-task', step: stepId, visit, outcome });
  return leave(outcome, note ? `outcome ${outcome}: ${note.slice(0, 160)}` : `outcome ${outcome}`);
}

export function taskDeadlinePassed(ctx: StepContext, step: TaskStep, stepId: string, visit: number): Entry {
  ctx.commands.push({ type: 'escalate-task', step: stepId, visit, queue: step.escalationQueue ?? step.queue });
  return leave('escalated', 'no outcome by the deadline');
}
