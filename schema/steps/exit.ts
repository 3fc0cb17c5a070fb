/** The exit step: the enrollment ends here as exited (left the program), with a recorded reason. */
import { z } from 'zod';
import { stepBase, type StepKind } from './common.js';

export const ExitStep = z.strictObject({
  type: z.literal('exit'),
  ...stepBase,
  reason: z.string().min(1).max(200),
});
export type ExitStep = z.infer<typeof ExitStep>;

export const exitKind: StepKind<ExitStep> = {
  type: 'exit',
  label: 'Exit',
  requiredOutputs: () => [],
  optionalOutputs: () => [],
  waits: () => false,
  check: () => [],
  create: () => ({ type: 'exit', reason: 'left the program', outputs: {} }),
};
