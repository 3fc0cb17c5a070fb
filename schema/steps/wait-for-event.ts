/** The wait-for-event step: pause until a named event arrives (refill picked up, appointment kept), optionally filtered, or a timeout. */
import { z } from 'zod';
import { DurationText } from '../ids.js';
import { stepBase, type StepKind } from './common.js';
import { isPositiveDuration } from '../duration.js';
import type { Problem } from '../problems.js';
import { declarationsFor, expressionProblems } from './checks.js';

export const WaitForEventStep = z.strictObject({
  type: z.literal('wait-for-event'),
  ...stepBase,
  /** The event's name, declared in the journey's `events`. */
  event: z.string().min(1).max(100),
  /** A CEL condition over `event`, `patient` and `now`; the event counts only when it holds. */
  filter: z.string().max(2000).optional(),
  timeout: DurationText,
});
export type WaitForEventStep = z.infer<typeof WaitForEventStep>;

export const waitForEventKind: StepKind<WaitForEventStep> = {
  type: 'wait-for-event',
  label: 'Wait for event',
  requiredOutputs: () => ['received', 'timeout'],
  optionalOutputs: () => [],
  waits: () => true,
  check(step, { at, stepId, document }) {
    const problems: Problem[] = [];
    if (!Object.hasOwn(document.events ?? {}, step.event)) {
      problems.push({
        code: 'event.undeclared',
        pointer: `${at}/event`,
        stepId,
        severity: 'error',
        message: `Step "${stepId}" waits for "${step.event}", which is not a declared event of this journey.`,
      });
    }
    if (!isPositiveDuration(step.timeout)) {
      problems.push({
        code: 'wait.invalid-duration',
        pointer: `${at}/timeout`,
        stepId,
        severity: 'error',
        message: `Step "${stepId}": the timeout "${step.timeout}" is not a duration such as P7D.`,
      });
    }
    if (step.filter)
      problems.push(
        ...expressionProblems(
          step.filter,
          declarationsFor(document, step.event),
          'bool',
          `${at}/filter`,
          `Step "${stepId}", filter`,
          stepId,
        ),
      );
    return problems;
  },
  create: () => ({ type: 'wait-for-event', event: '', timeout: 'P7D', outputs: {} }),
};
