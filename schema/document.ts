/** The journey document: one JSON value holding a journey's steps, settings and (outside the hash) its canvas layout. */
import { z } from 'zod';
import { StepId } from './ids.js';
import { Step } from './steps/registry.js';

export const CURRENT_SCHEMA_VERSION = 2;

export const AttributeType = z.enum(['string', 'number', 'boolean', 'date']);

export const AttributeDeclaration = z.strictObject({
  type: AttributeType,
  description: z.string().max(500).optional(),
});

const LocalTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time HH:MM');

export const QuietHours = z.strictObject({
  /** Local time the quiet window starts, HH:MM. */
  start: LocalTime,
  end: LocalTime,
  channels: z.array(z.enum(['sms', 'email', 'voice', 'video', 'push'])).max(5),
});

/** US default: no SMS or voice contact before 08:00 or after 21:00 in the patient's local time. */
export const DEFAULT_QUIET_HOURS = {
  start: '21:00',
  end: '08:00',
  channels: ['sms', 'voice'] as Array<'sms' | 'voice'>,
};

export const TimeZoneSource = z.discriminatedUnion('source', [
  /** The patient's own zone from their record; `fallback` when the record has none. */
  z.strictObject({ source: z.literal('patient'), fallback: z.string().max(64).default('America/New_York') }),
  /** One zone for the whole program. */
  z.strictObject({ source: z.literal('fixed'), zone: z.string().max(64) }),
]);

export const Settings = z.strictObject({
  timeZone: TimeZoneSource.default({ source: 'patient', fallback: 'America/New_York' }),
  quietHours: QuietHours.default(DEFAULT_QUIET_HOURS),
  /** At most `max` messages per rolling `period` per patient; a send past it waits until it fits. */
  frequencyCap: z.strictObject({ max: z.number().int().min(1).max(1000), period: z.string().max(64) }).optional(),
  /** The consent purpose messages are sent under (per-step override allowed). */
  consentPurpose: z.string().max(100).optional(),
  /** SMS segments one message may take. */
  smsSegmentBudget: z.number().int().min(1).max(10).default(3),
  /** Sent back when a reply matches none of the step's reply classes (a step may override it); the journey keeps waiting. */
  notUnderstood: z.string().max(480).optional(),
  /** The program's answer to HELP: who runs it and how to reach them (carriers require one). */
  helpText: z.string().max(480).optional(),
});

export const Position = z.strictObject({ x: z.number().finite(), y: z.number().finite() });

/** Canvas positions; excluded from the content hash so moving a step never needs a new approval. */
export const Layout = z.strictObject({
  steps: z.record(StepId, Position).default({}),
});

const FieldName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, 'must be a name of letters, digits and _');

/** An event the journey reacts to (wait-for-event, exit criteria, goals), with the payload fields expressions may read. */
export const EventDeclaration = z.strictObject({
  description: z.string().max(500).optional(),
  fields: z.record(FieldName, AttributeDeclaration).default({}),
});

export const ExitCriterion = z.strictObject({
  id: z.string().min(1).max(64),
  label: z.string().max(200).optional(),
  /** Exit when this event arrives (and `when`, if given, holds). Without an event, `when` is checked whenever attributes change. */
  event: z.string().max(100).optional(),
  when: z.string().max(2000).optional(),
});

export const GoalDefinition = z.strictObject({
  id: z.string().min(1).max(64),
  label: z.string().max(200).optional(),
  /** The conversion event; counted once per enrollment. */
  event: z.string().max(100),
  when: z.string().max(2000).optional(),
});

export const JourneyDocument = z.strictObject({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  name: z.string().min(1, 'must not be empty').max(200),
  description: z.string().max(4000).optional(),
  /** Patient attributes the journey branches on or renders, with their types. */
  attributes: z.record(FieldName, AttributeDeclaration).default({}),
  events: z.record(z.string().min(1).max(100), EventDeclaration).default({}),
  entry: z
    .strictObject({
      /** Whether a patient who has been through the journey may enroll again. */
      reentry: z.enum(['never', 'after-end']).default('never'),
    })
    .default({ reentry: 'never' }),
  /** Checked on every event; the enrollment exits at once, even inside a long wait. */
  exitCriteria: z.array(ExitCriterion).max(20).default([]),
  goals: z.array(GoalDefinition).max(20).default([]),
  settings: Settings.default({
    timeZone: { source: 'patient', fallback: 'America/New_York' },
    quietHours: DEFAULT_QUIET_HOURS,
    smsSegmentBudget: 3,
  }),
  /** The step a new enrollment starts at; empty only in a draft with no steps yet. */
  start: z.union([StepId, z.literal('')]),
  steps: z.record(StepId, Step),
  layout: Layout.optional(),
});
export type JourneyDocument = z.infer<typeof JourneyDocument>;
export type JourneyDocumentInput = z.input<typeof JourneyDocument>;
