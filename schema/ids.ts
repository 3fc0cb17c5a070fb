/** Identifiers used inside a journey document: step ids, output names, attribute names. */
import { z } from 'zod';

/** Step ids are stable keys: letters, digits, `-` and `_`, starting with a letter. */
export const stepIdPattern = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;
export const StepId = z
  .string()
  .regex(stepIdPattern, 'must start with a letter and use only letters, digits, - and _ (at most 64)');

/** Output names follow the same rule as step ids (reply class ids, outcomes, `next`, `timeout`). */
export const OutputName = StepId;

/** Where each connected output of a step leads: output name → target step id. An output missing here is unconnected. */
export const Outputs = z.record(OutputName, StepId);
export type Outputs = z.infer<typeof Outputs>;

export const DurationText = z.string().max(64);
