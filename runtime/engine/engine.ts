/** The pure journey interpreter: (definition, state, event, now, random) → (state, commands). No I/O, no clock, no randomness of its own. */
import type { JourneyDocument } from '../../schema/document.js';
import { classifyReply } from '../../schema/steps/message.js';
import type { Step } from '../../schema/steps/registry.js';
import type { EngineEvent, EnrollmentState, PathEntry, Transition } from './types.js';
import { cancelTimer, type StepContext } from './context.js';
import { afterSend, enterStep, type Entry } from './steps.js';

/** Hard stop against a definition that would loop without pausing; validation already forbids such loops. */
const MAX_STEPS_PER_EVENT = 1000;

export function initialState(now: number, attributes: Record<string, unknown> = {}): EnrollmentState {
  return { status: 'running', phase: { kind: 'done' }, visits: {}, path: [], timers: [], attributes, sequence: 0, startedAt: now };
}

/** Applies one event to an enrollment. An event that does not fit the state is reported as not applied and changes nothing. */
export function applyEvent(definition: JourneyDocument, state: EnrollmentState, event: EngineEvent, now: number, random: () => number): Transition {
  if (state.status !== 'running') return ignored(state, `the enrollment has already ${state.status}`);
  const ctx: StepContext = { definition, state: cloneState(state), commands: [], now, random };
  const { state: next } = ctx;

  switch (event.type) {
    case 'start':
      if (next.path.length > 0) return ignored(state, 'the enrollment has already started');
      run(ctx, definition.start);
      break;
    case 'exit':
      finish(ctx, 'exited', event.reason);
      break;
    case 'timer': {
      const phase = next.phase;
      const owned = (phase.kind === 'waiting' || phase.kind === 'awaiting-reply') && phase.timerId === event.id;
      if (!owned) return ignored(state, `timer ${event.id} belongs to no current step`);
      next.timers = next.timers.filter((t) => t.id !== event.id);
      proceed(ctx, phase.kind === 'waiting' ? { kind: 'leave', output: 'next' } : { kind: 'leave', output: 'timeout' }, phase.kind === 'waiting' ? undefined : 'no reply before the timeout');
      break;
    }
    case 'reply': {
      const phase = next.phase;
      if (phase.kind !== 'awaiting-reply') return ignored(state, 'no step is awaiting a reply');
      const step = definition.steps[phase.step];
      const cls = step.type === 'message' ? classifyReply(step, event.text) : undefined;
      if (!cls) return ignored(state, `the reply does not match any reply class of step "${phase.step}"`);
      cancelTimer(ctx, phase.timerId);
      proceed(ctx, { kind: 'leave', output: cls.id }, `replied "${event.text.slice(0, 160)}"`);
      break;
    }
    case 'delivery': {
      const phase = next.phase;
      if (phase.kind !== 'sending' || phase.step !== event.step || phase.visit !== event.visit) return ignored(state, 'no send is outstanding for that step and visit');
      const step = definition.steps[phase.step];
      if (event.outcome === 'sent') proceed(ctx, afterSend(ctx, phase.step, step, phase.visit));
      else if (step.outputs.failed) proceed(ctx, { kind: 'leave', output: 'failed' }, event.error);
      else finish(ctx, 'failed', `step "${phase.step}" could not be delivered: ${event.error ?? 'unknown error'}`);
      break;
    }
  }
  return { state: next, commands: ctx.commands, applied: true };
}

/** States are plain JSON; a JSON copy works in every host (the Temporal workflow sandbox has no structuredClone guarantee). */
function cloneState(state: EnrollmentState): EnrollmentState {
  return JSON.parse(JSON.stringify(state)) as EnrollmentState;
}

function ignored(state: EnrollmentState, reason: string): Transition {
  return { state, commands: [], applied: false, ignoredBecause: reason };
}

function current(state: EnrollmentState): PathEntry {
  return state.path[state.path.length - 1];
}

/** Acts on the outcome of the current step: stay paused, complete, or leave by an output and run on. */
function proceed(ctx: StepContext, entry: Entry, detail?: string): void {
  if (entry.kind === 'pause') return;
  const here = current(ctx.state);
  here.leftAt = ctx.now;
  if (detail !== undefined) here.detail = detail;
  if (entry.kind === 'complete') return finish(ctx, 'completed');
  here.output = entry.output;
  const target = ctx.definition.steps[here.step]?.outputs[entry.output];
  if (!target) return finish(ctx, 'failed', `output "${entry.output}" of step "${here.step}" is not connected`);
  run(ctx, target);
}

/** Enters a step, then keeps entering the steps it leads to until the journey pauses or ends. */
function run(ctx: StepContext, first: string): void {
  let stepId: string | undefined = first;
  for (let hops = 0; stepId !== undefined && ctx.state.status === 'running'; hops++) {
    if (hops >= MAX_STEPS_PER_EVENT) return finish(ctx, 'failed', `more than ${MAX_STEPS_PER_EVENT} steps ran without a pause`);
    const step: Step | undefined = ctx.definition.steps[stepId];
    if (!step) return finish(ctx, 'failed', `step "${stepId}" does not exist`);
    const visit = (ctx.state.visits[stepId] ?? 0) + 1;
    ctx.state.visits[stepId] = visit;
    ctx.state.path.push({ step: stepId, visit, enteredAt: ctx.now });
    ctx.commands.push({ type: 'enter-step', step: stepId, visit });
    const entry = enterStep(ctx, stepId, step, visit);
    if (entry.kind === 'pause') return;
    current(ctx.state).leftAt = ctx.now;
    if (entry.kind === 'complete') return finish(ctx, 'completed');
    current(ctx.state).output = entry.output;
    stepId = step.outputs[entry.output];
    if (stepId === undefined) return finish(ctx, 'failed', `output "${entry.output}" of step "${current(ctx.state).step}" is not connected`);
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
