/** The step mapping of a migration from version N to version M of a journey: automatic where a step is unchanged, chosen by hand elsewhere. Pure. */
import { canonicalJson } from '../../schema/canonical.js';
import type { JourneyDocument } from '../../schema/document.js';
import type { Step } from '../../schema/steps/registry.js';

/** Step types a running enrollment can be paused in (a send held by quiet hours counts): where patients are found, and where they may resume. */
export const RESUMABLE_STEP_TYPES: readonly Step['type'][] = [
  'message',
  'wait',
  'wait-for-event',
  'assessment',
  'task',
];

export function isResumable(step: Step | undefined): boolean {
  return step !== undefined && RESUMABLE_STEP_TYPES.includes(step.type);
}

/**
 * The part of a step that decides what a patient waiting in it experiences: everything but its display name and
 * where its outputs lead (which outputs exist still counts). Two steps with the same settings are "unchanged".
 */
function settingsOf(step: Step): string {
  const { name: _name, outputs, ...settings } = step;
  return canonicalJson({ ...settings, outputs: Object.keys(outputs).sort() });
}

/** Same id in both versions, same type and same settings: a patient waiting there can stay exactly where they are. */
export function stepUnchanged(from: Step, to: Step | undefined): boolean {
  return to !== undefined && from.type === to.type && settingsOf(from) === settingsOf(to);
}

/** Where patients found at a step of N go in M. `keep` means they stay mid-step (same timer, same deadline); else they enter `to` afresh. */
export interface StepTarget {
  to: string;
  keep: boolean;
}

export interface MappingRow {
  /** A step of version N where patients can wait. */
  from: string;
  fromName?: string;
  fromType: Step['type'];
  /** The step of M chosen or found; absent while a choice is needed. */
  to?: string;
  /** Filled in because the same step exists unchanged in M. */
  automatic: boolean;
  /** The step exists unchanged in M, so it is the suggestion even when another target was chosen. */
  unchanged: boolean;
  /** Why this row cannot be used as it is (no target yet, or a bad choice). */
  problem?: string;
}

export interface MappingProblem {
  pointer: string;
  step: string;
  message: string;
}

export interface Mapping {
  rows: MappingRow[];
  /** Every hand choice that is wrong: nothing moves until they are fixed. */
  problems: MappingProblem[];
  /** Steps of N still without a target: patients there cannot move yet, the others can. */
  unmapped: string[];
  /** The usable targets by step of N (rows with a problem are left out). */
  targets: Record<string, StepTarget>;
}

/** Hand choices, by step id of N: the step of M its patients go to. */
export type StepChoices = Record<string, string>;

/** Why a chosen target cannot take patients, or undefined when it can. */
function targetProblem(to: JourneyDocument, target: string): string | undefined {
  const step = to.steps[target];
  if (!step) return `Step "${target}" does not exist in the new version.`;
  if (!isResumable(step))
    return `Step "${target}" is a step of type ${step.type}; patients can only be moved to a step where they wait (${RESUMABLE_STEP_TYPES.join(', ')}).`;
  return undefined;
}

/** The mapping from `from` (version N) to `to` (version M), with hand `choices` applied and checked. */
export function migrationMapping(from: JourneyDocument, to: JourneyDocument, choices: StepChoices = {}): Mapping {
  const problems: MappingProblem[] = [];
  for (const step of Object.keys(choices))
    if (!isResumable(from.steps[step]))
      problems.push({
        pointer: `/mapping/${step}`,
        step,
        message: from.steps[step]
          ? `Step "${step}" of the old version is a step of type ${from.steps[step].type}; patients never wait there, so it needs no mapping.`
          : `Step "${step}" does not exist in the old version.`,
      });
  const rows: MappingRow[] = [];
  const unmapped: string[] = [];
  const targets: Record<string, StepTarget> = {};
  for (const [id, step] of Object.entries(from.steps)) {
    if (!isResumable(step)) continue;
    const unchanged = stepUnchanged(step, to.steps[id]);
    const chosen = choices[id];
    const target = chosen ?? (unchanged ? id : undefined);
    const problem =
      target === undefined
        ? `Step "${id}" changed or is gone in the new version: choose where its patients go.`
        : targetProblem(to, target);
    rows.push({
      from: id,
      ...(step.name ? { fromName: step.name } : {}),
      fromType: step.type,
      ...(target !== undefined ? { to: target } : {}),
      automatic: chosen === undefined && unchanged,
      unchanged,
      ...(problem ? { problem } : {}),
    });
    if (target === undefined) unmapped.push(id);
    else if (problem) problems.push({ pointer: `/mapping/${id}`, step: id, message: problem });
    else targets[id] = { to: target, keep: target === id && unchanged };
  }
  return { rows, problems, unmapped, targets };
}
