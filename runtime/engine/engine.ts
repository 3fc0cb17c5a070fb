/** The pure journey interpreter: (definition, state, event, now, random) → (state, commands). No I/O, no clock, no randomness of its own. */
import type { JourneyDocument } from '../../schema/document.js';
import type { Step } from '../../schema/steps/registry.js';
import type { EngineEvent, EnrollmentState, PathEntry, Phase, Transition } from './types.js';
import { cancelTimer, evaluate, type StepContext } from './context.js';
import { enterStep, type Entry } from './steps/index.js';
import { messageDelivered, messageReply, sendMessage } from './steps/message.js';
import { assessmentReply, assessmentResponse, assessmentTimedOut, startAssessment } from './steps/assessment.js';
import { taskDeadlinePassed, taskOutcome } from './steps/task.js';
import { exitCriterionMet, goalsMet } from './journey-events.js';

/** Hard stop against a definition that would loop without pausing; validation already forbids such loops. */
const MAX_STEPS_PER_EVENT = 1000;

export function initialState(
  now: number,
  attributes: Record<string, unknown> = {},
  timeZone?: string,
): EnrollmentState {
  return {
    status: 'running',
    phase: { kind: 'done' },
    visits: {},
    path: [],
    timers: [],
    attributes,
    ...(timeZone ? { timeZone } : {}),
    sequence: 0,
    startedAt: now,
  };
}

/** Applies one event to an enrollment. An event that does not fit the state is reported as not applied and changes nothing. */
export function applyEvent(
  definition: JourneyDocument,
  state: EnrollmentState,
  event: EngineEvent,
  now: number,
  random: () => number,
): Transition {
  if (state.status !== 'running') return ignored(state, `the enrollment has already ${state.status}`);
  const ctx: StepContext = { definition, state: cloneState(state), commands: [], now, random };
  const outcome = dispatch(ctx, event);
  if (typeof outcome === 'string') return ignored(state, outcome);
  return { state: ctx.state, commands: ctx.commands, applied: true };
}

/** Handles one event; returns why it was ignored, or nothing when it applied. */
function dispatch(ctx: StepContext, event: EngineEvent): string | void {
  const { state, definition } = ctx;
  const phase = state.phase;
  switch (event.type) {
    case 'start':
      if (state.path.length > 0) return 'the enrollment has already started';
      return run(ctx, definition.start);
    case 'exit':
      return finish(ctx, 'exited', event.reason);
    case 'attributes': {
      Object.assign(state.attributes, event.values);
      const met = exitCriterionMet(ctx);
      if (met) return finish(ctx, 'exited', met);
      return;
    }
    case 'event': {
      // Goals first: an event that both converts and ends the journey (the patient enrolled) must count as a conversion.
      const converted = goalsMet(ctx, event);
      const met = exitCriterionMet(ctx, event);
      if (met) return finish(ctx, 'exited', met);
      if (phase.kind === 'awaiting-event' && phase.event === event.name) {
        const step = stepAt(ctx, phase.step, 'wait-for-event');
        const passes =
          !step.filter ||
          (() => {
            const r = evaluate(ctx, step.filter!, 'bool', event);
            return r.ok && r.value === true;
          })();
        if (passes) {
          cancelTimer(ctx, phase.timerId);
          return proceed(ctx, { kind: 'leave', output: 'received', detail: `event ${event.name}` });
        }
      }
      return converted > 0
        ? undefined
        : `no step is waiting for "${event.name}" and no goal or exit criterion counts it`;
    }
    case 'timer': {
      if (!('timerId' in phase) || phase.timerId !== event.id) return `timer ${event.id} belongs to no current step`;
      state.timers = state.timers.filter((t) => t.id !== event.id);
      return proceed(ctx, timerFired(ctx, phase));
    }
    case 'reply': {
      if (phase.kind === 'awaiting-reply') {
        const entry = messageReply(ctx, stepAt(ctx, phase.step, 'message'), phase.timerId, event.text);
        return entry ? proceed(ctx, entry) : `the reply does not match any reply class of step "${phase.step}"`;
      }
      if (phase.kind === 'assessing') {
        const entry = assessmentReply(ctx, stepAt(ctx, phase.step, 'assessment'), phase, event.text);
        return entry ? proceed(ctx, entry) : `step "${phase.step}" expects its answers through the web form`;
      }
      return 'no step is awaiting a reply';
    }
    case 'delivery': {
      const matches = 'step' in phase && phase.step === event.step && phase.visit === event.visit;
      if (!matches) return 'no send is outstanding for that step and visit';
      const step = definition.steps[event.step];
      if (event.outcome === 'failed') {
        if ('timerId' in phase) cancelTimer(ctx, phase.timerId);
        if (step.outputs.failed) return proceed(ctx, { kind: 'leave', output: 'failed', detail: event.error });
        return finish(ctx, 'failed', `step "${event.step}" could not be delivered: ${event.error ?? 'unknown error'}`);
      }
      if (phase.kind === 'sending' && step.type === 'message')
        return proceed(ctx, messageDelivered(ctx, event.step, step, event.visit));
      return; // A delivered assessment question changes nothing: the dialogue waits for the answer.
    }
    case 'task-outcome': {
      if (phase.kind !== 'awaiting-task' || phase.step !== event.step || phase.visit !== event.visit)
        return 'no task of that step and visit is open';
      const entry = taskOutcome(
        ctx,
        stepAt(ctx, phase.step, 'task'),
        phase.step,
        phase.visit,
        phase.timerId,
        event.outcome,
        event.note,
      );
      return entry ? proceed(ctx, entry) : `"${event.outcome}" is not an outcome of step "${phase.step}"`;
    }
    case 'assessment-response': {
      if (phase.kind !== 'assessing' || phase.step !== event.step || phase.visit !== event.visit)
        return 'no assessment of that step and visit is open';
      return proceed(ctx, assessmentResponse(ctx, stepAt(ctx, phase.step, 'assessment'), phase, event.answers));
    }
  }
}

/** What a step's own timer means: the wait is over, a reply or event or task did not come in time, or a deferred send may go. */
function timerFired(ctx: StepContext, phase: Exclude<Phase, { kind: 'done' } | { kind: 'sending' }>): Entry {
  switch (phase.kind) {
    case 'waiting':
      return { kind: 'leave', output: 'next' };
    case 'awaiting-reply':
      return { kind: 'leave', output: 'timeout', detail: 'no reply before the timeout' };
    case 'awaiting-event':
      return { kind: 'leave', output: 'timeout', detail: `no "${phase.event}" before the timeout` };
    case 'assessing':
      return assessmentTimedOut(ctx, stepAt(ctx, phase.step, 'assessment'), phase);
    case 'awaiting-task':
      return taskDeadlinePassed(ctx, stepAt(ctx, phase.step, 'task'), phase.step, phase.visit);
    case 'deferred': {
      const step = ctx.definition.steps[phase.step];
      if (step.type === 'assessment') return startAssessment(ctx, phase.step, step, phase.visit);
      return sendMessage(ctx, phase.step, step as Extract<Step, { type: 'message' }>, phase.visit);
    }
  }
}

function stepAt<T extends Step['type']>(ctx: StepContext, stepId: string, type: T): Extract<Step, { type: T }> {
  const step = ctx.definition.steps[stepId];
  if (step?.type !== type) throw new Error(`step "${stepId}" is not a ${type} step`);
  return step as Extract<Step, { type: T }>;
}

/**
 * A copy the transition may change without touching its input. Only what a transition can mutate is copied: a
 * two-year path is shared, except its last entry (the step being left), so each event costs O(1), not O(path).
 */
function cloneState(state: EnrollmentState): EnrollmentState {
  const last = state.path.length > 0 ? [{ ...state.path[state.path.length - 1] }] : [];
  return {
    ...state,
    phase: 'skipped' in state.phase ? { ...state.phase, skipped: [...state.phase.skipped] } : { ...state.phase },
    visits: { ...state.visits },
    path: [...state.path.slice(0, -1), ...last],
    timers: state.timers.map((t) => ({ ...t })),
    attributes: { ...state.attributes },
    ...(state.answers ? { answers: { ...state.answers } } : {}),
  };
}

function ignored(state: EnrollmentState, reason: string): Transition {
  return { state, commands: [], applied: false, ignoredBecause: reason };
}

function current(state: EnrollmentState): PathEntry {
  return state.path[state.path.length - 1];
}

/** Acts on the outcome of the current step: stay paused, end, or leave by an output and run on. */
function proceed(ctx: StepContext, entry: Entry): void {
  if (entry.kind === 'pause') return;
  const here = current(ctx.state);
  here.leftAt = ctx.now;
  if (entry.kind === 'complete') return finish(ctx, 'completed');
  if (entry.kind === 'exit') return finish(ctx, 'exited', entry.reason);
  if (entry.kind === 'fail') return finish(ctx, 'failed', entry.reason);
  here.output = entry.output;
  if (entry.detail !== undefined) here.detail = entry.detail;
  ctx.state.phase = { kind: 'done' };
  const target = ctx.definition.steps[here.step]?.outputs[entry.output];
  if (!target) return finish(ctx, 'failed', `output "${entry.output}" of step "${here.step}" is not connected`);
  run(ctx, target);
}

/** Enters a step, then keeps entering the steps it leads to until the journey pauses or ends. */
function run(ctx: StepContext, first: string): void {
  let stepId: string = first;
  for (let hops = 0; ctx.state.status === 'running'; hops++) {
    if (hops >= MAX_STEPS_PER_EVENT)
      return finish(ctx, 'failed', `more than ${MAX_STEPS_PER_EVENT} steps ran without a pause`);
    const step: Step | undefined = ctx.definition.steps[stepId];
    if (!step) return finish(ctx, 'failed', `step "${stepId}" does not exist`);
    const visit = (ctx.state.visits[stepId] ?? 0) + 1;
    // Validation forbids a `capped` output that leads back into its loop; a stored journey that does so fails loudly rather than loop.
    if (step.maxVisits !== undefined && visit > step.maxVisits + 1)
      return finish(
        ctx,
        'failed',
        `step "${stepId}" was reached again after its loop cap of ${step.maxVisits} visits; its "capped" output leads back into the loop`,
      );
    ctx.state.visits[stepId] = visit;
    ctx.state.path.push({ step: stepId, visit, enteredAt: ctx.now });
    ctx.commands.push({ type: 'enter-step', step: stepId, visit });
    const entry: Entry =
      step.maxVisits !== undefined && visit > step.maxVisits
        ? step.outputs.capped
          ? { kind: 'leave', output: 'capped', detail: `visited more than ${step.maxVisits} times` }
          : { kind: 'complete' }
        : enterStep(ctx, stepId, step, visit);
    if (entry.kind !== 'leave') return proceed(ctx, entry);
    // An update changes attributes, so condition-only exit criteria get their say at once.
    const met = step.type === 'update' ? exitCriterionMet(ctx) : undefined;
    if (met) return finish(ctx, 'exited', met);
    const here = current(ctx.state);
    here.leftAt = ctx.now;
    here.output = entry.output;
    if (entry.detail !== undefined) here.detail = entry.detail;
    ctx.state.phase = { kind: 'done' };
    const next = step.outputs[entry.output];
    if (next === undefined)
      return finish(ctx, 'failed', `output "${entry.output}" of step "${stepId}" is not connected`);
    stepId = next;
  }
}

/** Ends the enrollment: cancels its timers and emits the matching command. */
function finish(ctx: StepContext, status: 'completed' | 'exited' | 'failed', reason?: string): void {
  for (const timer of ctx.state.timers) ctx.commands.push({ type: 'cancel-timer', id: timer.id });
  ctx.state.timers = [];
  ctx.state.status = status;
  ctx.state.phase = { kind: 'done' };
  ctx.state.endedAt = ctx.now;
  if (reason !== undefined) ctx.state.reason = reason;
  const here = ctx.state.path[ctx.state.path.length - 1];
  if (here && here.leftAt === undefined) here.leftAt = ctx.now;
  if (status === 'completed') ctx.commands.push({ type: 'complete' });
  else if (status === 'exited') ctx.commands.push({ type: 'exit', reason: reason ?? 'exit requested' });
  else ctx.commands.push({ type: 'fail', reason: reason ?? 'failed' });
}
