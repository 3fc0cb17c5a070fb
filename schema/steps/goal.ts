/** The goal step: records a conversion (once per enrollment) and goes on. */
import { z } from 'zod';
import { stepBase, type StepKind } from './common.js';

export const GoalStep = z.strictObject({
  type: z.literal('goal'),
  ...stepBase,
  /** The goal's name, as counted in conversion reports. */
  goal: z.string().min(1).max(100),
});
export type GoalStep = z.infer<typeof GoalStep>;

export const goalKind: StepKind<GoalStep> = {
  type: 'goal',
  label: 'Goal',
  requiredOutputs: () => ['next'],
  optionalOutputs: () => [],
  waits: () => false,
  check: () => [],
  create: () => ({ type: 'goal', goal: 'engaged', outputs: {} }),
};
