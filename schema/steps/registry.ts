/** The step catalogue: every step type's schema and kind, in one place so adding a type is one line here. */
import { z } from 'zod';
import { MessageStep, messageKind } from './message.js';
import { WaitStep, waitKind } from './wait.js';
import { WaitForEventStep, waitForEventKind } from './wait-for-event.js';
import { AssessmentStep, assessmentKind } from './assessment.js';
import { SplitStep, splitKind } from './split.js';
import { TaskStep, taskKind } from './task.js';
import { UpdateStep, updateKind } from './update.js';
import { GoalStep, goalKind } from './goal.js';
import { ExitStep, exitKind } from './exit.js';
import { EndStep, endKind } from './end.js';
import type { StepKind } from './common.js';

export const Step = z.discriminatedUnion('type', [
  MessageStep,
  WaitStep,
  WaitForEventStep,
  AssessmentStep,
  SplitStep,
  TaskStep,
  UpdateStep,
  GoalStep,
  ExitStep,
  EndStep,
]);
export type Step = z.infer<typeof Step>;
export type StepType = Step['type'];

const kinds: { [T in StepType]: StepKind<Extract<Step, { type: T }>> } = {
  message: messageKind,
  wait: waitKind,
  'wait-for-event': waitForEventKind,
  assessment: assessmentKind,
  split: splitKind,
  task: taskKind,
  update: updateKind,
  goal: goalKind,
  exit: exitKind,
  end: endKind,
};

export const stepTypes = Object.keys(kinds) as StepType[];

/** The kind (outputs, rules, factory) of a step's type. */
export function kindOf<S extends Step>(step: S): StepKind<S> {
  return kinds[step.type] as unknown as StepKind<S>;
}

export function kindOfType(type: StepType): StepKind<Step> {
  return kinds[type] as unknown as StepKind<Step>;
}

export function isStepType(type: unknown): type is StepType {
  return typeof type === 'string' && Object.prototype.hasOwnProperty.call(kinds, type);
}

/** Outputs that may stay unconnected: the type's own, plus `capped` on a step with a loop cap. */
export function optionalOutputsOf(step: Step): string[] {
  return [...kindOf(step).optionalOutputs(step), ...(step.maxVisits !== undefined ? ['capped'] : [])];
}

/** Every output a step offers, required first. */
export function outputsOf(step: Step): string[] {
  return [...kindOf(step).requiredOutputs(step), ...optionalOutputsOf(step)];
}
