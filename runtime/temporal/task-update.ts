/** The Workflow Update that carries a task's outcome from the care team to its enrollment, and the rule its validator applies. */
import { defineUpdate } from '@temporalio/workflow';
import type { JourneyDocument } from '../../schema/document.js';
import type { EngineEvent, EnrollmentState } from '../engine/types.js';
import type { TaskOutcomeSignal } from './types.js';

/** Where the journey went once the outcome applied: the output taken and the step it is in now. */
export interface TaskOutcomeResult {
  output: string;
  step: string | null;
  status: EnrollmentState['status'];
}

export const taskOutcomeUpdate = defineUpdate<TaskOutcomeResult, [TaskOutcomeSignal]>('recordTaskOutcome');

/**
 * Why the workflow refuses this outcome, or undefined when it is the one awaited. `queued` holds events that
 * arrived but are not applied yet: a deadline that already fired, or another outcome for the same task, wins.
 * Without the definition (a continued run still loading it) the outcome's name is not checked: ask again once loaded.
 */
export function taskOutcomeRefusal(
  definition: JourneyDocument | undefined,
  state: EnrollmentState,
  queued: readonly EngineEvent[],
  { step, visit, outcome }: TaskOutcomeSignal,
): string | undefined {
  if (state.status !== 'running') return `The enrollment has ended (${state.status}); the task is no longer open.`;
  const { phase } = state;
  if (phase.kind !== 'awaiting-task' || phase.step !== step || phase.visit !== visit)
    return `The journey is no longer waiting for task "${step}" (visit ${visit}); the task is no longer open.`;
  if (queued.some((e) => e.type === 'timer' && e.id === phase.timerId))
    return `Task "${step}" passed its deadline and was escalated; the journey took its escalated path.`;
  if (queued.some((e) => e.type === 'task-outcome' && e.step === step && e.visit === visit))
    return `An outcome for task "${step}" was already recorded.`;
  if (queued.some((e) => e.type === 'exit')) return 'The enrollment is ending; the task is no longer open.';
  if (!definition) return undefined;
  const taskStep = definition.steps[step];
  const outcomes = taskStep?.type === 'task' ? taskStep.outcomes.map((o) => o.id) : [];
  if (!outcomes.includes(outcome))
    return `"${outcome}" is not an outcome of task "${step}"; choose one of: ${outcomes.join(', ')}.`;
  return undefined;
}
