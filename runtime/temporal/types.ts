/** The data that crosses the workflow boundary: workflow input, signal payloads, activity inputs. No PHI in any of it. */
import type { JourneyDocument } from '../../schema/document.js';
import type { EngineEvent, EnrollmentState } from '../engine/types.js';

/** What an enrollment workflow starts from. Names, phones and emails stay out: activities load them when they send. */
export interface EnrollmentInput {
  enrollmentId: string;
  journeyId: string;
  versionId: string;
  /** The version's document, frozen into the workflow history. Absent from a run that loads it by reference. */
  definition?: JourneyDocument;
  /** Set when `definition` was migrated and parsed before start, so the workflow uses it as it is. */
  definitionPrepared?: boolean;
  /** Set on a continued run that loads `versionId`'s approved definition instead of carrying it (run-definition.ts). */
  definitionByReference?: true;
  /** Only the patient attributes the journey branches on. */
  attributes: Record<string, unknown>;
  /** The patient's IANA time zone (not PHI), for local-time waits and quiet hours. */
  timeZone?: string;
  /** Set when resuming after continue-as-new: the engine state to carry on from. */
  state?: EnrollmentState;
  /** Events that arrived but were not yet applied when the previous run continued as new. */
  pendingEvents?: EngineEvent[];
  /**
   * Continue as new once a run's history reaches this many events, even before the server suggests it.
   * Unset in production (the server's `continueAsNewSuggested` decides); tests set it low to exercise the hand-over.
   */
  historyLimit?: number;
  /**
   * Publish the current step as the `CarepathStep` search attribute (and the version as `CarepathVersionId`).
   * Only where the server has them registered: upserting an unknown attribute fails the workflow task.
   */
  publishStep?: boolean;
  /** With `publishStep`: also publish the edges passed as `CarepathPassed` (a KeywordList, registered likewise). */
  publishPassed?: boolean;
  /** A test patient's enrollment (the designer's test run): only these accept the skip-wait update. Not PHI. */
  test?: boolean;
  /** Set on the first run after a move to a later version (runtime/temporal/migrate-update.ts). */
  migratedFrom?: import('./migrate-update.js').MigratedFrom;
}

export interface ReplySignal {
  text: string;
  /** The stored inbound message, for tracing; the engine only sees the text. */
  messageId: string;
}

export interface ExitRequest {
  reason: string;
}

/** Something that happened in the world (refill picked up, therapy discontinued). */
export interface EventSignal {
  name: string;
  payload?: Record<string, unknown>;
}

export interface TaskOutcomeSignal {
  step: string;
  visit: number;
  outcome: string;
  note?: string;
}

export interface AssessmentResponseSignal {
  step: string;
  visit: number;
  answers: Record<string, string | number | boolean>;
}

/** A journey command that leaves a record: tasks, assessment responses, goals, attribute updates. */
export interface JourneyRecordInput {
  enrollmentId: string;
  workflowId: string;
  command: Extract<
    import('../engine/types.js').EngineCommand,
    { type: 'create-task' | 'escalate-task' | 'close-task' | 'record-assessment' | 'record-goal' | 'update-attributes' }
  >;
}

export interface SendMessageInput {
  enrollmentId: string;
  workflowId: string;
  step: string;
  visit: number;
  channel: string;
  connector: string;
  template: string;
  subject?: string;
  /** Send `template` as it is (questionnaire text), without rendering. */
  literal?: boolean;
  /** Distinguishes several sends of one step visit (an assessment's questions) in the idempotency key. */
  part?: string;
  /** `assessment-link` sends get `{{ assessment.link }}`, the patient's web-form address. */
  purpose?: 'message' | 'question' | 'reask' | 'assessment-link';
  /** The consent purpose the message goes out under (the step's, else the journey's); checked before sending. */
  consentPurpose?: string;
}

export interface SendMessageResult {
  messageId: string;
  providerMessageId: string;
}

export interface EnrollmentEnd {
  enrollmentId: string;
  status: 'completed' | 'exited' | 'failed';
  reason?: string;
}
