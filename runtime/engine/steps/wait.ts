/** Engine behaviour of the wait step: a durable timer for a duration, the next local time of day, or a date from an attribute. */
import type { WaitStep } from '../../../schema/steps/wait.js';
import { durationMillis } from '../../../schema/duration.js';
import { attributeDateTime, nextLocalTime } from '../local-time.js';
import { armTimer, zoneOf, type StepContext } from '../context.js';
import { leave, pause, type Entry } from './entry.js';

export function enterWait(ctx: StepContext, stepId: string, step: WaitStep, visit: number): Entry {
  const wait = step.wait;
  let until: number;
  if (wait.kind === 'duration') until = ctx.now + durationMillis(wait.duration);
  else if (wait.kind === 'time-of-day') until = nextLocalTime(ctx.now, zoneOf(ctx), wait.time, wait.weekdays);
  else {
    const at = attributeDateTime(ctx.state.attributes[wait.attribute], zoneOf(ctx), wait.offset, wait.time);
    if (at === null)
      return leave(step.outputs['no-date'] ? 'no-date' : 'next', `no usable date in "${wait.attribute}"`);
    // A date already past means the moment has come: go on at once rather than wait a year.
    if (at <= ctx.now) return leave('next', `"${wait.attribute}" date already reached`);
    until = at;
  }
  const timerId = armTimer(ctx, until);
  ctx.state.phase = { kind: 'waiting', step: stepId, visit, timerId, until };
  return pause;
}
