/** Entering a step of each type: the one place that dispatches on step type inside the engine. */
import type { Step } from '../../../schema/steps/registry.js';
import { durationMillis } from '../../../schema/duration.js';
import { armTimer, type StepContext } from '../context.js';
import { enterMessage } from './message.js';
import { enterWait } from './wait.js';
import { enterAssessment } from './assessment.js';
import { enterSplit } from './split.js';
import { enterTask } from './task.js';
import { enterGoal, enterUpdate } from './update.js';
import { pause, type Entry } from './entry.js';

export type { Entry } from './entry.js';

export function enterStep(ctx: StepContext, stepId: string, step: Step, visit: number): Entry {
  switch (step.type) {
    case 'message':
      return enterMessage(ctx, stepId, step, visit);
    case 'wait':
      return enterWait(ctx, stepId, step, visit);
    case 'wait-for-event': {
      const deadline = ctx.now + durationMillis(step.timeout);
      const timerId = armTimer(ctx, deadline);
      ctx.state.phase = { kind: 'awaiting-event', step: stepId, visit, timerId, deadline, event: step.event };
      return pause;
    }
    case 'assessment':
      return enterAssessment(ctx, stepId, step, visit);
    case 'split':
      return enterSplit(ctx, step);
    case 'task':
      return enterTask(ctx, stepId, step, visit);
    case 'update':
      return enterUpdate(ctx, step);
    case 'goal':
      return enterGoal(ctx, step);
    case 'exit':
      return { kind: 'exit', reason: step.reason };
    case 'end':
      return { kind: 'complete' };
  }
}
