/** A property-test host for the pure engine: virtual clock, timers fired when due, a scripted patient and care team, every transition logged. */
import type { JourneyDocument } from '../../../schema/document.js';
import { applyEvent, initialState } from '../engine.js';
import type { EngineCommand, EngineEvent, EnrollmentState, Transition } from '../types.js';
import { EVENTS, PLANS } from './arbitraries.js';
import type { Action, Patient, Script } from './script-arbitraries.js';

export const START_OF_2025 = Date.UTC(2025, 0, 1);
const MINUTE = 60_000;
const TICKS = [1, 5, 30, 120, 600, 1440].map((m) => m * MINUTE);

export interface Step {
  at: number;
  event: EngineEvent;
  before: EnrollmentState;
  /** A deep copy of `before` taken before the engine ran, to prove the engine did not mutate its input. */
  beforeCopy: string;
  transition: Transition;
}

export interface Run {
  log: Step[];
  state: EnrollmentState;
  /** The zone the patient's local time is read in (independently of the engine's helper). */
  zone: string;
}

/** A seeded PRNG (mulberry32): the host's random source, identical on replay. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function zoneFor(definition: JourneyDocument, patient: Patient): string {
  const setting = definition.settings.timeZone;
  return setting.source === 'fixed' ? setting.zone : (patient.timeZone ?? setting.fallback);
}

/** Runs a journey for a patient through a script, like a host would; never catches what the engine throws. */
export function drive(definition: JourneyDocument, patient: Patient, script: Script): Run {
  const random = seeded(script.seed);
  let clock = START_OF_2025 + patient.startMinute * MINUTE;
  let state = initialState(clock, { ...patient.attributes }, patient.timeZone);
  const log: Step[] = [];
  const apply = (event: EngineEvent, at: number) => {
    clock = Math.max(clock, at);
    const before = state;
    const beforeCopy = JSON.stringify(before);
    const transition = applyEvent(definition, before, event, clock, random);
    log.push({ at: clock, event, before, beforeCopy, transition });
    state = transition.state;
  };
  const earliestTimer = () => [...state.timers].sort((a, b) => a.at - b.at || a.id.localeCompare(b.id))[0];
  const fireDueTimers = (until: number) => {
    for (let guard = 0; guard < 50; guard++) {
      const timer = earliestTimer();
      if (!timer || timer.at > until) return;
      apply({ type: 'timer', id: timer.id }, timer.at);
    }
  };

  apply({ type: 'start' }, clock);
  for (const action of script.actions) {
    const event = eventFor(definition, state, action, () => earliestTimer());
    if (event === 'tick') {
      const until = clock + TICKS[action.x % TICKS.length];
      fireDueTimers(until);
      clock = Math.max(clock, until);
    } else if (event) {
      const timer = event.type === 'timer' ? state.timers.find((t) => t.id === event.id) : undefined;
      apply(event, timer ? timer.at : clock);
    }
  }
  return { log, state, zone: zoneFor(definition, patient) };
}

/** What the host delivers next for an action, given where the enrollment is; `tick` lets time pass. */
function eventFor(
  definition: JourneyDocument,
  state: EnrollmentState,
  action: Action,
  earliest: () => { id: string; at: number } | undefined,
): EngineEvent | 'tick' | undefined {
  const { x, y } = action;
  const phase = state.phase;
  const here = 'step' in phase ? { step: phase.step, visit: phase.visit } : { step: 's0', visit: 1 };
  const stepIds = Object.keys(definition.steps);
  switch (action.kind) {
    case 'host': {
      // What the world does next: the send is reported sent, the patient or nurse answers what is asked, or the next timer fires.
      if (phase.kind === 'sending') return { type: 'delivery', step: phase.step, visit: phase.visit, outcome: 'sent' };
      const step = 'step' in phase ? definition.steps[phase.step] : undefined;
      if (y % 2 === 1 && (phase.kind === 'awaiting-reply' || phase.kind === 'assessing'))
        return { type: 'reply', text: replyText(definition, state, x, 1) };
      if (y % 2 === 1 && phase.kind === 'awaiting-task' && step?.type === 'task')
        return { type: 'task-outcome', ...here, outcome: step.outcomes[x % step.outcomes.length].id };
      if (y % 2 === 1 && phase.kind === 'awaiting-event')
        return { type: 'event', name: phase.event, payload: { days: x % 5 } };
      return earliest() ? { type: 'timer', id: earliest()!.id } : 'tick';
    }
    case 'timer': {
      const timer = earliest();
      return timer && y % 10 !== 0 ? { type: 'timer', id: timer.id } : { type: 'timer', id: `t${y % 50}` };
    }
    case 'tick':
      return 'tick';
    case 'delivery': {
      const target = y % 6 === 0 ? { step: stepIds[x % stepIds.length], visit: 1 + (x % 3) } : here;
      return {
        type: 'delivery',
        ...target,
        outcome: y % 4 === 0 ? 'failed' : 'sent',
        ...(y % 4 === 0 ? { error: 'carrier rejected' } : {}),
      };
    }
    case 'reply':
      return { type: 'reply', text: replyText(definition, state, x, y) };
    case 'event': {
      // The exit-criterion events come up less often, so that most scripts get somewhere first.
      const names = y % 4 === 0 ? EVENTS : EVENTS.filter((e) => e !== 'opted-out' && e !== 'therapy-stopped');
      const name = [...names, 'mystery'][x % (names.length + 1)];
      const payload = name === 'therapy-stopped' ? { why: y % 2 ? 'discontinued' : 'paused' } : { days: y % 5 };
      return { type: 'event', name, payload };
    }
    case 'task-outcome': {
      const step = definition.steps[here.step];
      const outcomes = step?.type === 'task' ? step.outcomes.map((o) => o.id) : [];
      return {
        type: 'task-outcome',
        ...here,
        outcome: [...outcomes, 'bogus'][y % (outcomes.length + 1)],
        ...(x % 2 ? { note: 'spoke briefly' } : {}),
      };
    }
    case 'assessment-response': {
      const answers: Record<string, string | number | boolean> =
        y % 3 === 0
          ? { 'ia-worry': 'a-little', 'ia-confidence': 'garbage' }
          : {
              mood: y % 2 ? 'bad' : 'good',
              pain: x % 12,
              'ia-worry': 'very-much',
              'ia-confidence': 'not-at-all',
              'ia-avoidance': 'quite-a-bit',
            };
      return { type: 'assessment-response', ...here, answers };
    }
    case 'attributes': {
      const values: Record<string, unknown> = {};
      if (x % 2) values.plan = PLANS[y % 7 === 0 ? 2 : y % 2];
      if (x % 3 === 0) values.score = y % 12;
      if (x % 5 === 0) values.refillDate = ['2025-06-01', '2026-02-01', 'garbage'][y % 3];
      if (x % 7 === 0) values.age = 20 + (y % 60);
      return { type: 'attributes', values };
    }
    case 'exit':
      return { type: 'exit', reason: 'patient asked to leave' };
  }
}

/** Reply text: often one that matches the awaiting step (a class word, an option number, a decline), sometimes noise. */
function replyText(definition: JourneyDocument, state: EnrollmentState, x: number, y: number): string {
  const phase = state.phase;
  const step = 'step' in phase ? definition.steps[phase.step] : undefined;
  const noise = ['maybe', ' YES ', '0', '1', '2', '3', '4', 'decline', 'good', 'a-little', '??', ''];
  if (y % 4 === 0 || !step) return noise[x % noise.length];
  if (step.type === 'message' && step.await) {
    const words = step.await.classes.flatMap((c) => c.match);
    return words[x % words.length];
  }
  return String(x % 5);
}

/** Every command the run emitted, with the clock time it was emitted at. */
export function commandsOf(run: Run): Array<{ at: number; command: EngineCommand }> {
  return run.log.flatMap((s) => s.transition.commands.map((command) => ({ at: s.at, command })));
}
