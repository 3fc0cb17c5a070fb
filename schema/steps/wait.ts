/** The wait step: a durable pause for a duration before the journey goes on. */
import { z } from 'zod';
import { DurationText } from '../ids.js';
import { stepBase, type StepKind } from './common.js';
import { isDuration } from '../duration.js';

export const WaitFor = z.strictObject({
  kind: z.literal('duration'),
  /** ISO 8601 duration, e.g. P2D. No upper limit: programs last months. */
  duration: DurationText,
});

export const WaitStep = z.strictObject({
  type: z.literal('wait'),
  ...stepBase,
  wait: z.discriminatedUnion('kind', [WaitFor]),
});
export type WaitStep = z.infer<typeof WaitStep>;

export const waitKind: StepKind<WaitStep> = {
  type: 'wait',
  label: 'Wait',
  requiredOutputs: () => ['next'],
  optionalOutputs: () => [],
  waits: () => true,
  check(step, { at, stepId }) {
    if (step.wait.kind === 'duration' && !isDuration(step.wait.duration)) {
      return [{ code: 'wait.invalid-duration', pointer: `${at}/wait/duration`, stepId, severity: 'error', message: `Step "${stepId}": "${step.wait.duration}" is not a duration such as P2D (2 days) or PT30M (30 minutes).` }];
    }
    return [];
  },
  create: () => ({ type: 'wait', wait: { kind: 'duration', duration: 'P1D' }, outputs: {} }),
};
