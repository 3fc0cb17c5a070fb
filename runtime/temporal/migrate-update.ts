/** The Workflow Update that moves an enrollment to a later version of its journey: the rule its validator applies and the state the new version starts from. Workflow-safe. */
import { defineUpdate } from '@temporalio/workflow';
import { applyEvent } from '../engine/index.js';
import type { JourneyDocument } from '../../schema/document.js';
import type { EngineEvent, EnrollmentState, Transition } from '../engine/types.js';
import type { StepTarget } from '../migrations/mapping.js';
import type { EnrollmentInput } from './types.js';

/** What the program manager's migration asks of one enrollment. */
export interface MigrateRequest {
  migrationId: string;
  /** The version the caller expects the enrollment to run; anything else is refused. */
  fromVersionId: string;
  toVersionId: string;
  /**
   * Version M's step ids, so the validator can check the mapping's target exists; the new version's first run loads
   * M's approved definition by version (run-definition.ts) rather than taking it from every request.
   */
  toSteps?: string[];
  /** Requests before loading by version carried M's document, prepared; their histories still replay with it. */
  definition?: JourneyDocument;
  /** By step of N: where its patients go in M. The workflow picks the row of the step it is in when the update arrives. */
  targets: Record<string, StepTarget>;
}

export interface MigrateResult {
  /** False when the enrollment already ran the target version (a retry after the first answer was lost). */
  moved: boolean;
  fromStep: string;
  toStep: string;
  /** The patient stays mid-step (same timer and deadline) rather than entering the target step afresh. */
  kept: boolean;
}

export const migrateUpdate = defineUpdate<MigrateResult, [MigrateRequest]>('migrate');

/** Carried into the first run on the new version: where it came from, and the step it must enter first unless kept. */
export interface MigratedFrom {
  migrationId: string;
  fromVersionId: string;
  fromStep: string;
  toStep: string;
  kept: boolean;
  /** The nurse task the patient was waiting on in the old version, closed as they enter the new step. */
  leftTask?: { step: string; visit: number };
}

/** What the workflow is busy with besides its engine state; a migration waits for all of it to settle. */
export interface Busy {
  versionId: string;
  queued: readonly EngineEvent[];
  sendsInFlight: number;
  /** Replies and task outcomes accepted but not yet applied. */
  updatesInFlight: number;
}

/** The step a running enrollment is paused in, or undefined between steps. */
const pausedStep = (state: EnrollmentState) =>
  state.phase.kind === 'done' || state.phase.kind === 'sending' ? undefined : state.phase.step;

/** Why the workflow refuses to move now, or undefined when it is at a safe point (or already on the target version). */
export function migrateRefusal(state: EnrollmentState, busy: Busy, request: MigrateRequest): string | undefined {
  if (state.status !== 'running') return `The enrollment has ended (${state.status}).`;
  if (busy.versionId === request.toVersionId) return undefined;
  if (busy.versionId !== request.fromVersionId)
    return `The enrollment runs version ${busy.versionId}, not ${request.fromVersionId} as the migration expects.`;
  const step = pausedStep(state);
  if (step === undefined || busy.sendsInFlight > 0)
    return 'A message is being sent; the patient can move once it is out.';
  if (busy.queued.length > 0 || busy.updatesInFlight > 0)
    return 'The journey is handling a reply, a timer or a task outcome right now; try again in a moment.';
  const answers = Object.keys(state.answers ?? {}).length;
  if (state.phase.kind === 'assessing' && answers > 0)
    return `Mid-assessment at step "${step}": ${answers} answer(s) given; moving now would lose them.`;
  const target = request.targets[step];
  if (!target) return `Step "${step}" has no target in the mapping.`;
  const exists = request.definition
    ? Object.hasOwn(request.definition.steps, target.to)
    : request.toSteps?.includes(target.to);
  if (!exists) return `Step "${target.to}" does not exist in version ${request.toVersionId}.`;
  return undefined;
}

/** Where the enrollment goes, once the validator has passed. */
export function migrationOf(state: EnrollmentState, request: MigrateRequest): MigratedFrom {
  const fromStep = pausedStep(state)!;
  const target = request.targets[fromStep];
  const { phase } = state;
  return {
    migrationId: request.migrationId,
    fromVersionId: request.fromVersionId,
    fromStep,
    toStep: target.to,
    kept: target.keep,
    ...(phase.kind === 'awaiting-task' && !target.keep ? { leftTask: { step: phase.step, visit: phase.visit } } : {}),
  };
}

/**
 * The engine state the new version's first run starts from. Kept: as it is, timers included. Entered afresh: paused
 * nowhere and with no timers (the old run's die with it); attributes, tags, scores, answers of finished assessments,
 * visits, goals and the path so far all stay.
 */
export function carriedState(state: EnrollmentState, migration: MigratedFrom, now: number): EnrollmentState {
  if (migration.kept) return state;
  const path = state.path.map((entry, i) =>
    i === state.path.length - 1 && entry.leftAt === undefined
      ? { ...entry, leftAt: now, detail: 'moved to a new version of the journey' }
      : entry,
  );
  return { ...state, phase: { kind: 'done' }, timers: [], path };
}

/**
 * Enters `step` of the new version, as the engine enters any step, and runs on until the journey pauses. A task the
 * patient left open in the old version is closed first, so the care team's queue no longer shows it.
 */
export function enterMigratedStep(
  definition: JourneyDocument,
  state: EnrollmentState,
  migration: MigratedFrom,
  now: number,
  random: () => number,
): Transition {
  // The engine enters a journey's first step on `start`; given this step as the start and no path, it enters it
  // with every rule of a normal entry (visits, loop caps, quiet hours), and the path so far is put back in front.
  const fresh: EnrollmentState = { ...state, path: [] };
  const transition = applyEvent({ ...definition, start: migration.toStep }, fresh, { type: 'start' }, now, random);
  const { leftTask } = migration;
  const closeTask = leftTask ? [{ type: 'close-task' as const, ...leftTask, outcome: 'moved-to-new-version' }] : [];
  return {
    ...transition,
    state: { ...transition.state, path: [...state.path, ...transition.state.path] },
    commands: [...closeTask, ...transition.commands],
  };
}

/** The first run on the new version: its document, the carried state, the events not applied yet, and where it came from. */
export function migratedInput(
  input: EnrollmentInput,
  state: EnrollmentState,
  queued: readonly EngineEvent[],
  request: MigrateRequest,
  migration: MigratedFrom,
  now: number,
): EnrollmentInput {
  // The document in the request (older requests), else M's approved definition, loaded by the new run.
  const definition = request.definition
    ? { definition: request.definition, definitionPrepared: true, definitionByReference: undefined }
    : { definition: undefined, definitionPrepared: undefined, definitionByReference: true as const };
  return {
    ...input,
    versionId: request.toVersionId,
    ...definition,
    state: carriedState(state, migration, now),
    pendingEvents: [...queued],
    migratedFrom: migration,
  };
}
