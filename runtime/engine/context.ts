/** The mutable scratchpad of one engine transition, and the timer helpers every step behaviour uses. */
import type { JourneyDocument } from '../../schema/document.js';
import type { EngineCommand, EnrollmentState } from './types.js';

export interface StepContext {
  definition: JourneyDocument;
  /** A private copy of the state; the transition owns it. */
  state: EnrollmentState;
  commands: EngineCommand[];
  now: number;
  random: () => number;
}

/** Arms a timer for an absolute time and returns its id (unique within the enrollment). */
export function armTimer(ctx: StepContext, at: number): string {
  ctx.state.sequence += 1;
  const id = `t${ctx.state.sequence}`;
  ctx.state.timers.push({ id, at });
  ctx.commands.push({ type: 'start-timer', id, at });
  return id;
}

export function cancelTimer(ctx: StepContext, id: string): void {
  ctx.state.timers = ctx.state.timers.filter((t) => t.id !== id);
  ctx.commands.push({ type: 'cancel-timer', id });
}
