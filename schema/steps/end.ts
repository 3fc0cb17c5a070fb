/** The end step: the enrollment completes here. */
import { z } from 'zod';
import { stepBase, type StepKind } from './common.js';

export const EndStep = z.strictObject({
  type: z.literal('end'),
  ...stepBase,
});
export type EndStep = z.infer<typeof EndStep>;

export const endKind: StepKind<EndStep> = {
  type: 'end',
  label: 'End',
  requiredOutputs: () => [],
  optionalOutputs: () => [],
  waits: () => false,
  check: () => [],
  create: () => ({ type: 'end', outputs: {} }),
};
