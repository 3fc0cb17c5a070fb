/** The journey document: one JSON value holding a journey's steps, settings and (outside the hash) its canvas layout. */
import { z } from 'zod';
import { StepId } from './ids.js';
import { Step } from './steps/registry.js';

export const CURRENT_SCHEMA_VERSION = 1;

export const AttributeType = z.enum(['string', 'number', 'boolean', 'date']);

export const AttributeDeclaration = z.strictObject({
  type: AttributeType,
  description: z.string().max(500).optional(),
});

export const QuietHours = z.strictObject({
  /** Local time the quiet window starts, HH:MM. */
  start: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time HH:MM'),
  end: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time HH:MM'),
  channels: z.array(z.enum(['sms', 'email', 'voice', 'video', 'push'])).max(5),
});

export const Settings = z.strictObject({
  /** Where a patient's time zone comes from: the patient record, or a fixed zone for the program. */
  timeZone: z.union([z.literal('patient'), z.string().max(64)]).default('patient'),
  quietHours: QuietHours.optional(),
  consentPurpose: z.string().max(100).optional(),
});

export const Position = z.strictObject({ x: z.number().finite(), y: z.number().finite() });

/** Canvas positions; excluded from the content hash so moving a step never needs a new approval. */
export const Layout = z.strictObject({
  steps: z.record(StepId, Position).default({}),
});

export const JourneyDocument = z.strictObject({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  name: z.string().min(1, 'must not be empty').max(200),
  description: z.string().max(4000).optional(),
  /** Patient attributes the journey branches on or renders, with their types. */
  attributes: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/), AttributeDeclaration).default({}),
  settings: Settings.default({ timeZone: 'patient' }),
  /** The step a new enrollment starts at; empty only in a draft with no steps yet. */
  start: z.union([StepId, z.literal('')]),
  steps: z.record(StepId, Step),
  layout: Layout.optional(),
});
export type JourneyDocument = z.infer<typeof JourneyDocument>;
export type JourneyDocumentInput = z.input<typeof JourneyDocument>;
