/** The wait step: a durable pause for a duration, until a local time of day, or until a date taken from a patient attribute. */
import { z } from 'zod';
import { DurationText } from '../ids.js';
import { stepBase, type StepKind } from './common.js';
import { isDuration, isPositiveDuration } from '../duration.js';
import type { Problem } from '../problems.js';

const LocalTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a local time HH:MM');
export const Weekday = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);

export const WaitSpec = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('duration'),
    /** ISO 8601 duration, e.g. P2D. No upper limit: programs last months. */
    duration: DurationText,
  }),
  z.strictObject({
    kind: z.literal('time-of-day'),
    /** The next time the patient's clock shows this (HH:MM, their time zone). */
    time: LocalTime,
    /** Only on these days; every day when absent. */
    weekdays: z.array(Weekday).max(7).optional(),
  }),
  z.strictObject({
    kind: z.literal('attribute-date'),
    /** A date attribute of the patient, e.g. refillDueDate. */
    attribute: z.string().max(64),
    /** Shift from that date, e.g. -P3D for three days before. */
    offset: DurationText.optional(),
    /** Local time of day on the resulting date. */
    time: LocalTime.default('09:00'),
  }),
]);
export type WaitSpec = z.infer<typeof WaitSpec>;

export const WaitStep = z.strictObject({
  type: z.literal('wait'),
  ...stepBase,
  wait: WaitSpec,
});
export type WaitStep = z.infer<typeof WaitStep>;

export const waitKind: StepKind<WaitStep> = {
  type: 'wait',
  label: 'Wait',
  requiredOutputs: () => ['next'],
  // When the date attribute is missing or unusable the journey takes `no-date` if connected, else goes on at once.
  optionalOutputs: (step) => (step.wait.kind === 'attribute-date' ? ['no-date'] : []),
  waits: () => true,
  check(step, { at, stepId, document }) {
    const problems: Problem[] = [];
    const wait = step.wait;
    if (wait.kind === 'duration' && !isPositiveDuration(wait.duration)) {
      problems.push({
        code: 'wait.invalid-duration',
        pointer: `${at}/wait/duration`,
        stepId,
        severity: 'error',
        message: `Step "${stepId}": "${wait.duration}" is not a duration longer than zero, such as P2D (2 days) or PT30M (30 minutes).`,
      });
    }
    if (wait.kind === 'attribute-date') {
      const declared = Object.hasOwn(document.attributes ?? {}, wait.attribute)
        ? document.attributes[wait.attribute]
        : undefined;
      if (!declared) {
        problems.push({
          code: 'wait.unknown-attribute',
          pointer: `${at}/wait/attribute`,
          stepId,
          severity: 'error',
          message: `Step "${stepId}" waits for "${wait.attribute}", which is not a declared patient attribute.`,
        });
      } else if (declared.type !== 'date') {
        problems.push({
          code: 'wait.attribute-not-date',
          pointer: `${at}/wait/attribute`,
          stepId,
          severity: 'error',
          message: `Step "${stepId}" waits for "${wait.attribute}", which is a ${declared.type}, not a date.`,
        });
      }
      if (wait.offset !== undefined && !isDuration(wait.offset)) {
        problems.push({
          code: 'wait.invalid-offset',
          pointer: `${at}/wait/offset`,
          stepId,
          severity: 'error',
          message: `Step "${stepId}": the offset "${wait.offset}" is not a duration such as -P3D (three days before).`,
        });
      }
    }
    return problems;
  },
  create: () => ({ type: 'wait', wait: { kind: 'duration', duration: 'P1D' }, outputs: {} }),
};
