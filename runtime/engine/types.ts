/** The engine's vocabulary: enrollment state, the events it reacts to, and the commands it emits. Plain data, serialisable. */

export type EnrollmentStatus = 'running' | 'completed' | 'exited' | 'failed';

/** Where a running enrollment is within its current step. Every pausing phase names the timer that ends it, if any. */
export type Phase =
  | { kind: 'sending'; step: string; visit: number }
  /** A send held back by quiet hours or the frequency cap until `until`. */
  | {
      kind: 'deferred';
      step: string;
      visit: number;
      timerId: string;
      until: number;
      why: 'quiet-hours' | 'frequency-cap';
    }
  | { kind: 'awaiting-reply'; step: string; visit: number; timerId: string; deadline: number }
  | { kind: 'waiting'; step: string; visit: number; timerId: string; until: number }
  | { kind: 'awaiting-event'; step: string; visit: number; timerId: string; deadline: number; event: string }
  | {
      kind: 'assessing';
      step: string;
      visit: number;
      timerId: string;
      deadline: number;
      question?: string;
      reasked: boolean;
      skipped: string[];
    }
  | { kind: 'awaiting-task'; step: string; visit: number; timerId: string; deadline: number }
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

/** A finished assessment: its score and class, kept for splits and later steps. */
export interface AssessmentResult {
  step: string;
  score: number;
  answers: Record<string, string | number | boolean>;
  class?: string;
  completedAt: number;
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
  /** Tags set by update steps. */
  tags?: string[];
  /** The patient's IANA time zone, for local-time waits and quiet hours. */
  timeZone?: string;
  /** When recent messages went out, for the frequency cap (pruned to the cap's period). */
  sentAt?: number[];
  /** Answers collected so far by the assessment in progress. */
  answers?: Record<string, string | number | boolean>;
  /** The latest finished assessment. */
  assessment?: AssessmentResult;
  /** Goals reached, each once. */
  goals?: string[];
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
  /** Something happened in the world: a refill picked up, an appointment kept, therapy discontinued. */
  | { type: 'event'; name: string; payload?: Record<string, unknown> }
  /** A nurse recorded the outcome of a task. */
  | { type: 'task-outcome'; step: string; visit: number; outcome: string; note?: string }
  /** Answers submitted through an assessment's web form. */
  | { type: 'assessment-response'; step: string; visit: number; answers: Record<string, string | number | boolean> }
  /** The patient's branching attributes changed (e.g. a CRM update). */
  | { type: 'attributes'; values: Record<string, unknown> }
  | { type: 'exit'; reason: string };

export type EngineCommand =
  | { type: 'enter-step'; step: string; visit: number }
  /** `template` is Liquid rendered with the patient's record at send time; `literal` text is sent as it is. */
  | {
      type: 'send';
      step: string;
      visit: number;
      channel: string;
      connector: string;
      template: string;
      subject?: string;
      literal?: boolean;
      purpose?: 'message' | 'question' | 'reask' | 'assessment-link';
      /** Tells several sends of one visit apart (assessment questions). */ part?: string;
    }
  | { type: 'start-timer'; id: string; at: number }
  | { type: 'cancel-timer'; id: string }
  | {
      type: 'create-task';
      step: string;
      visit: number;
      queue: string;
      title: string;
      talkingPoints: string[];
      outcomes: string[];
      dueAt: number;
    }
  | { type: 'escalate-task'; step: string; visit: number; queue?: string }
  | { type: 'close-task'; step: string; visit: number; outcome: string }
  | { type: 'update-attributes'; values: Record<string, unknown>; addTags?: string[]; removeTags?: string[] }
  | {
      type: 'record-assessment';
      step: string;
      visit: number;
      score: number;
      class?: string;
      answers: Record<string, string | number | boolean>;
      response: unknown;
    }
  | { type: 'record-goal'; goal: string }
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
