/** One simulated patient: a virtual-clock event loop that plays the host's part (timers, sends, replies, tasks, events) around the pure engine. */
import type { JourneyDocument } from '../../schema/document.js';
import { durationMillis } from '../../schema/duration.js';
import type { Step } from '../../schema/steps/registry.js';
import { applyEvent, initialState } from '../engine/engine.js';
import type { EngineCommand, EngineEvent, EnrollmentState, EnrollmentStatus } from '../engine/types.js';
import { answerDelay, deliveryFailure, millis, replyTo, ruleFor, taskOutcome } from './behaviour.js';
import { answerForQuestion, formAnswers } from './answers.js';
import { isoTime as iso, localTime } from './clock.js';
import { resolveAttributes, type Persona, type ScheduledEvent } from './personas.js';
import { streamFor } from './prng.js';
import { Agenda, type Scheduled } from './queue.js';

export interface SimulateOptions {
  /** Enrollment time, epoch milliseconds. */
  start: number;
  seed: number | string;
  /** Which of the seed's streams this patient draws from; a cohort passes each patient's index. */
  patientIndex?: number;
  patientId?: string;
  /** How much virtual time to run at most (ISO 8601), default two years. */
  horizon?: string;
  /** Engine events at most, default 10,000: a guard against a journey that never ends. */
  maxEvents?: number;
}

/** One step of a patient's path, with times as ISO instants and as the patient's own clock showed them. */
export interface SimulatedStep {
  step: string;
  visit: number;
  output?: string;
  detail?: string;
  enteredAt: string;
  enteredLocal: string;
  leftAt?: string;
  leftLocal?: string;
}

export interface PatientResult {
  patientId: string;
  personaId: string;
  timeZone: string;
  /** `running` when the horizon or the event limit came first (see `stoppedBy`). */
  status: EnrollmentStatus;
  reason?: string;
  stoppedBy?: 'horizon' | 'max-events' | 'idle';
  path: SimulatedStep[];
  /** Sends, including failed ones and assessment questions. */
  messages: number;
  failedDeliveries: number;
  tasks: number;
  goals: string[];
  /** Events given to the engine, and how many of those it ignored (late replies, stale timers). */
  events: number;
  ignored: number;
  startedAt: string;
  endedAt?: string;
}

/** What waits on the virtual clock. Replies and answers name the step and visit they answer, and are dropped once the journey has moved on. */
type Pending = Scheduled &
  (
    | { kind: 'engine'; event: EngineEvent }
    | { kind: 'timer'; id: string }
    | { kind: 'reply'; step: string; visit: number; text: string }
    | { kind: 'answer'; step: string; visit: number }
    | { kind: 'form'; step: string; visit: number }
    | { kind: 'scheduled'; rule: number; occurrence: number }
  );
type PendingInput = Pending extends infer P ? (P extends Pending ? Omit<P, 'seq'> : never) : never;

const DEFAULT_HORIZON = 'P2Y';
const DEFAULT_MAX_EVENTS = 10_000;

/** Runs one patient through a journey until the enrollment ends, the horizon passes, or nothing more can happen. Pure and deterministic. */
export function simulatePatient(
  definition: JourneyDocument,
  persona: Persona,
  options: SimulateOptions,
): PatientResult {
  const { start, seed } = options;
  const index = options.patientIndex ?? 0;
  const zone =
    persona.timeZone ??
    (definition.settings.timeZone.source === 'fixed'
      ? definition.settings.timeZone.zone
      : definition.settings.timeZone.fallback);
  const horizonEnd = start + durationMillis(options.horizon ?? DEFAULT_HORIZON);
  const maxEvents = options.maxEvents ?? DEFAULT_MAX_EVENTS;
  // Two streams, so a change in how much randomness the engine draws never changes what the persona does, and vice versa.
  const engineRandom = streamFor(seed, index, 0);
  const personaRandom = streamFor(seed, index, 1);

  let state: EnrollmentState = initialState(
    start,
    resolveAttributes(persona.attributes, start, zone),
    persona.timeZone,
  );
  const agenda = new Agenda<Pending>();
  const push = (item: PendingInput) => agenda.push(item as Omit<Pending, 'seq'>);
  const armed = new Set<string>();
  const counts = { messages: 0, failedDeliveries: 0, tasks: 0, events: 0, ignored: 0 };
  const goals: string[] = [];

  push({ at: start, kind: 'engine', event: { type: 'start' } });
  persona.events.forEach((rule, i) =>
    push({ at: start + millis(rule.after), kind: 'scheduled', rule: i, occurrence: 1 }),
  );

  let stoppedBy: PatientResult['stoppedBy'];
  while (state.status === 'running') {
    const next = agenda.peek();
    if (!next) {
      stoppedBy = 'idle';
      break;
    }
    if (next.at > horizonEnd) {
      stoppedBy = 'horizon';
      break;
    }
    if (counts.events >= maxEvents) {
      stoppedBy = 'max-events';
      break;
    }
    agenda.pop();
    const event = eventFor(next);
    if (!event) continue;
    counts.events += 1;
    const transition = applyEvent(definition, state, event, next.at, engineRandom);
    if (!transition.applied) {
      counts.ignored += 1;
      continue;
    }
    state = transition.state;
    for (const command of transition.commands) carryOut(command, next.at);
  }

  /** Turns a due happening into the engine event it stands for, or nothing when it no longer fits. */
  function eventFor(item: Pending): EngineEvent | undefined {
    const phase = state.phase;
    const stillAt = (step: string, visit: number, kind: string) =>
      phase.kind === kind && 'step' in phase && phase.step === step && phase.visit === visit;
    switch (item.kind) {
      case 'engine':
        return item.event;
      case 'timer':
        // A cancelled timer never fires in a real host either.
        return armed.delete(item.id) ? { type: 'timer', id: item.id } : undefined;
      case 'reply':
        return stillAt(item.step, item.visit, 'awaiting-reply') ? { type: 'reply', text: item.text } : undefined;
      case 'answer': {
        if (!stillAt(item.step, item.visit, 'assessing') || phase.kind !== 'assessing' || !phase.question)
          return undefined;
        const text = answerForQuestion(
          definition.steps[item.step],
          ruleFor(persona.answers, item.step, item.visit),
          phase.question,
          personaRandom,
        );
        return text === undefined ? undefined : { type: 'reply', text };
      }
      case 'form': {
        if (!stillAt(item.step, item.visit, 'assessing')) return undefined;
        const step = definition.steps[item.step];
        const rule = ruleFor(persona.answers, item.step, item.visit);
        // A form cannot be declined; a declining patient texts a decline word back instead.
        if (rule && 'decline' in rule)
          return step?.type === 'assessment' ? { type: 'reply', text: step.declineWords[0] ?? 'decline' } : undefined;
        const answers = formAnswers(step, rule, personaRandom);
        return answers && { type: 'assessment-response', step: item.step, visit: item.visit, answers };
      }
      case 'scheduled':
        return scheduled(persona.events[item.rule], item);
    }
  }

  /** A persona's scheduled event: happens with its probability, and books its next occurrence when it repeats. */
  function scheduled(rule: ScheduledEvent, item: Extract<Pending, { kind: 'scheduled' }>): EngineEvent | undefined {
    if ('exit' in rule) return { type: 'exit', reason: rule.exit };
    if ('attributes' in rule) return { type: 'attributes', values: resolveAttributes(rule.attributes, start, zone) };
    if (rule.every && (rule.times === undefined || item.occurrence < rule.times)) {
      push({ at: item.at + millis(rule.every), kind: 'scheduled', rule: item.rule, occurrence: item.occurrence + 1 });
    }
    if (rule.probability < 1 && personaRandom() >= rule.probability) return undefined;
    return { type: 'event', name: rule.name, ...(rule.payload ? { payload: rule.payload } : {}) };
  }

  /** The host's side of each command, done at once on the virtual clock. */
  function carryOut(command: EngineCommand, now: number): void {
    switch (command.type) {
      case 'send': {
        counts.messages += 1;
        const { step, visit } = command;
        const error = deliveryFailure(persona.failures, step, visit, command.channel, personaRandom);
        if (error !== undefined) {
          counts.failedDeliveries += 1;
          push({ at: now, kind: 'engine', event: { type: 'delivery', step, visit, outcome: 'failed', error } });
          return;
        }
        push({ at: now, kind: 'engine', event: { type: 'delivery', step, visit, outcome: 'sent' } });
        react(definition.steps[step], command, now);
        return;
      }
      case 'start-timer':
        armed.add(command.id);
        push({ at: command.at, kind: 'timer', id: command.id });
        return;
      case 'cancel-timer':
        armed.delete(command.id);
        return;
      case 'create-task': {
        counts.tasks += 1;
        const outcome = taskOutcome(ruleFor(persona.taskOutcomes, command.step, command.visit), personaRandom);
        if (outcome)
          push({
            at: now + outcome.afterMs,
            kind: 'engine',
            event: { type: 'task-outcome', step: command.step, visit: command.visit, outcome: outcome.value },
          });
        return;
      }
      case 'record-goal':
        if (!goals.includes(command.goal)) goals.push(command.goal);
        return;
      // Steps entered, attributes, assessments, escalations and the end are all in the engine state already.
      case 'enter-step':
      case 'update-attributes':
      case 'record-assessment':
      case 'escalate-task':
      case 'close-task':
      case 'complete':
      case 'exit':
      case 'fail':
        return;
    }
  }

  /** The patient's reaction to a delivered send: a reply to a message that awaits one, answers to an assessment. */
  function react(step: Step | undefined, command: Extract<EngineCommand, { type: 'send' }>, now: number): void {
    const { step: stepId, visit, purpose } = command;
    if (step?.type === 'message' && step.await && (purpose === undefined || purpose === 'message')) {
      const reply = replyTo(ruleFor(persona.replies, stepId, visit), personaRandom);
      if (reply) push({ at: now + reply.afterMs, kind: 'reply', step: stepId, visit, text: reply.value });
    } else if (step?.type === 'assessment' && purpose !== undefined && purpose !== 'message') {
      const delay = answerDelay(ruleFor(persona.answers, stepId, visit));
      if (delay === undefined) return;
      push({ at: now + delay, kind: purpose === 'assessment-link' ? 'form' : 'answer', step: stepId, visit });
    }
  }

  return {
    patientId: options.patientId ?? `patient-${index + 1}`,
    personaId: persona.id,
    timeZone: zone,
    status: state.status,
    ...(state.reason !== undefined ? { reason: state.reason } : {}),
    ...(state.status === 'running' && stoppedBy ? { stoppedBy } : {}),
    path: state.path.map((entry) => ({
      step: entry.step,
      visit: entry.visit,
      ...(entry.output !== undefined ? { output: entry.output } : {}),
      ...(entry.detail !== undefined ? { detail: entry.detail } : {}),
      enteredAt: iso(entry.enteredAt),
      enteredLocal: localTime(entry.enteredAt, zone),
      ...(entry.leftAt !== undefined ? { leftAt: iso(entry.leftAt), leftLocal: localTime(entry.leftAt, zone) } : {}),
    })),
    messages: counts.messages,
    failedDeliveries: counts.failedDeliveries,
    tasks: counts.tasks,
    goals: mergeGoals(goals, state.goals),
    events: counts.events,
    ignored: counts.ignored,
    startedAt: iso(start),
    ...(state.endedAt !== undefined ? { endedAt: iso(state.endedAt) } : {}),
  };
}

/** Goals from `record-goal` commands and from the state agree in a correct engine; the union keeps either source enough. */
function mergeGoals(recorded: string[], inState: string[] | undefined): string[] {
  return [...new Set([...recorded, ...(inState ?? [])])];
}
