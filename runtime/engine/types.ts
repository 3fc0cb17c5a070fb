/** The engine's vocabulary: enrollment state, the events it reacts to, and the commands it emits. Plain data, serialisable. */

export type EnrollmentStatus = 'running' | 'completed' | 'exited' | 'failed';

/** Where a running enrollment is within its current step. */
export type Phase =
  | { kind: 'sending'; step: string; visit: number }
  | { kind: 'awaiting-reply'; step: string; visit: number; timerId: string; deadline: number }
  | { kind: 'waiting'; step: string; visit: number; timerId: string; until: number }
  | { kind: 'done' };

/** One step the patient passed through: when, and by which output they left. */
export interface PathEntry {
  step: string;
  visit: number;
  enteredAt: number;
  leftAt?: number;
  output?: string;
  /** What happened there, e.g. the reply text that chose the output. */
  detail?: string;
}

export interface Timer {
  id: string;
  at: number;
}

export interface EnrollmentState {
  status: EnrollmentStatus;
  phase: Phase;
  /** How many times each step has been entered; the visit number makes send idempotency keys unique per pass. */
  visits: Record<string, number>;
  path: PathEntry[];
  /** Timers the engine wants armed; the host arms them and reports `timer` events. */
  timers: Timer[];
  /** Patient attributes the journey branches on (never names or contact details). */
  attributes: Record<string, unknown>;
  /** Counter for timer ids, so ids stay unique across continue-as-new. */
  sequence: number;
  startedAt: number;
  endedAt?: number;
  /** Why an enrollment exited or failed. */
  reason?: string;
}

export type EngineEvent =
  | { type: 'start' }
  | { type: 'timer'; id: string }
  | { type: 'reply'; text: string }
  | { type: 'delivery'; step: string; visit: number; outcome: 'sent' | 'failed'; error?: string }
  | { type: 'exit'; reason: string };

export type EngineCommand =
  | { type: 'enter-step'; step: string; visit: number }
  | { type: 'send'; step: string; visit: number; channel: string; connector: string; template: string; subject?: string }
  | { type: 'start-timer'; id: string; at: number }
  | { type: 'cancel-timer'; id: string }
  | { type: 'complete' }
  | { type: 'exit'; reason: string }
  | { type: 'fail'; reason: string };

/** What one event did: the next state, the commands to carry out, and whether the event applied at all. */
export interface Transition {
  state: EnrollmentState;
  commands: EngineCommand[];
  /** False when the event did not fit the current state (a stale timer, a reply nobody awaits); the state is unchanged. */
  applied: boolean;
  /** Why an event was not applied, for logs and the inbox. */
  ignoredBecause?: string;
}
