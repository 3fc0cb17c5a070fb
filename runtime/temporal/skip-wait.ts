/** The Workflow Update that ends a test enrollment's current wait now ("Skip wait" in the designer's test run), and the rule its validator applies. */
import { defineUpdate } from '@temporalio/workflow';
import type { EngineEvent, EnrollmentState, EnrollmentStatus } from '../engine/types.js';

/** What a skip did: the step whose wait ended, and where the journey is once the engine has moved on. */
export interface SkipWaitResult {
  skipped: string;
  /** The output the wait took: the one its timer takes (`next` after a wait, `timeout` for an unanswered message…). */
  output?: string;
  step: string | null;
  status: EnrollmentStatus;
}

export const skipWaitUpdate = defineUpdate<SkipWaitResult, []>('skipWait');

/**
 * Why the workflow refuses to skip now, or undefined when it may. Only test enrollments skip: a real patient's waits
 * are what the approved journey says. A send held for quiet hours or the frequency cap is a rule, not a wait, and stays.
 */
export function skipWaitRefusal(
  test: boolean | undefined,
  state: EnrollmentState,
  queued: readonly EngineEvent[],
): string | undefined {
  if (!test) return "Only a test enrollment can skip a wait; a real patient's journey waits as approved.";
  if (state.status !== 'running') return `The enrollment has ended (${state.status}).`;
  const { phase } = state;
  if (phase.kind === 'deferred')
    return phase.why === 'quiet-hours'
      ? 'The next message is held for quiet hours, which a skip does not override.'
      : 'The next message is held by the frequency cap, which a skip does not override.';
  if (!('timerId' in phase)) return 'The journey is not waiting right now.';
  if (queued.some((e) => e.type === 'exit')) return 'The enrollment is ending.';
  if (queued.some((e) => e.type === 'timer' && e.id === phase.timerId)) return 'This wait has just ended.';
  return undefined;
}
