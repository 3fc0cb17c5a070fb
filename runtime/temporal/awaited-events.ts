/** Events an Update handler queued and waits for the engine to apply, and the small helpers every handler's answer uses. Workflow-safe. */
import { ApplicationFailure, condition } from '@temporalio/workflow';
import type { EngineEvent, EnrollmentState, PathEntry } from '../engine/types.js';

/**
 * An Update handler's event goes on the run's queue like any other; the main loop marks it applied or not once the
 * engine has handled it (`settle`), and the handler answers then. While any is waiting, the run is busy (`size`).
 */
export function awaitedEvents(queue: EngineEvent[], running: () => boolean) {
  const awaited = new Map<EngineEvent, boolean | undefined>();
  return {
    get size() {
      return awaited.size;
    },
    /** Queues the event and resolves once the engine applied it (true), ignored it or the enrollment ended (false). */
    async apply(event: EngineEvent): Promise<boolean> {
      awaited.set(event, undefined);
      queue.push(event);
      await condition(() => awaited.get(event) !== undefined || !running());
      const applied = awaited.get(event) === true;
      awaited.delete(event);
      return applied;
    },
    /** The main loop's part: whether the engine applied an event a handler waits for. */
    settle(event: EngineEvent, applied: boolean): void {
      if (awaited.has(event)) awaited.set(event, applied);
    },
  };
}

/** The visit's path entry the patient left by: where an answer reads the output the engine took. */
export function visitLeft(state: EnrollmentState, step: string, visit: number): PathEntry | undefined {
  return state.path.filter((p) => p.step === step && p.visit === visit).at(-1);
}

/** Refuses the Update with `reason`, under `type`, when there is one. */
export function refuseIf(reason: string | undefined, type: string): void {
  if (reason) throw ApplicationFailure.nonRetryable(reason, type);
}
