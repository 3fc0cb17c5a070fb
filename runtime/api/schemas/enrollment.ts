/** Enrollments: one patient's run of one version, with the live state of its workflow when asked for one. */
import { z } from '@hono/zod-openapi';
import type { EnrollmentState as EngineState } from '../../engine/types.js';

export const ENROLLMENT_STATUSES = ['running', 'completed', 'exited', 'failed'] as const;
export const EnrollmentStatus = z.enum(ENROLLMENT_STATUSES).openapi('EnrollmentStatus');

export const NewEnrollment = z
  .object({ versionId: z.string().min(1).max(100), patientId: z.string().min(1).max(100) })
  .openapi('NewEnrollment');

export const EnrollmentQuery = z.object({
  versionId: z.string().min(1).max(100).optional(),
  journeyId: z.string().min(1).max(100).optional(),
  patientId: z.string().min(1).max(100).optional(),
});

export const ExitInput = z.object({ reason: z.string().trim().min(1).max(500) }).openapi('ExitInput');

export const EventInput = z
  .object({
    name: z.string().trim().min(1).max(100),
    payload: z
      .record(z.string().max(64), z.union([z.string().max(1000), z.number(), z.boolean(), z.null()]))
      .optional(),
  })
  .openapi('EventInput');

const PathEntry = z.object({
  step: z.string(),
  visit: z.number().int(),
  enteredAt: z.number(),
  leftAt: z.number().optional(),
  output: z.string().optional(),
  detail: z.string().optional(),
});

/**
 * The engine's state of a run (runtime/engine/types.ts): its status, where it is (`phase`) and the path so far.
 * The phase and the engine's bookkeeping are described loosely: they belong to the engine and grow with it.
 */
export const EnrollmentState = z
  .looseObject({
    status: EnrollmentStatus,
    phase: z.looseObject({ kind: z.string(), step: z.string().optional(), visit: z.number().int().optional() }),
    path: z.array(PathEntry),
    visits: z.record(z.string(), z.number().int()),
    attributes: z.record(z.string(), z.unknown()),
    startedAt: z.number(),
    endedAt: z.number().optional(),
    reason: z.string().optional(),
  })
  .openapi('EnrollmentState') as unknown as z.ZodType<EngineState>;

export const Enrollment = z
  .object({
    id: z.string(),
    journeyId: z.string(),
    versionId: z.string(),
    patientId: z.string(),
    patientName: z.string().optional(),
    workflowId: z.string(),
    status: EnrollmentStatus,
    reason: z.string().optional(),
    startedAt: z.string(),
    endedAt: z.string().optional(),
  })
  .openapi('Enrollment');
export type Enrollment = z.infer<typeof Enrollment>;

/** A union rather than `.nullable()`, which would mark the shared EnrollmentState component itself as nullable. */
const StateOrNull = z.union([EnrollmentState, z.null()]);

export const EnrollmentWithState = Enrollment.extend({ state: StateOrNull }).openapi('EnrollmentWithState');
export type EnrollmentWithState = z.infer<typeof EnrollmentWithState>;

export const EnrollmentAnswer = z
  .object({
    enrollment: Enrollment,
    warnings: z
      .array(z.string())
      .optional()
      .openapi({ description: "The patient's phone or email is also another patient's (a family phone): flagged" }),
  })
  .openapi('EnrollmentAnswer');

export const SkipWaitAnswer = z
  .object({
    skipped: z.string().openapi({ description: 'The step whose wait ended' }),
    output: z.string().optional().openapi({ description: 'The output the wait took (as its timer would have)' }),
    step: z.string().nullable().openapi({ description: 'Where the journey is now; null once it has ended' }),
    status: EnrollmentStatus,
  })
  .openapi('SkipWaitAnswer');

export const ExistingEnrollmentAnswer = z
  .object({ enrollment: Enrollment, alreadyEnrolled: z.literal(true) })
  .openapi('ExistingEnrollmentAnswer');

export const EnrollmentWithStateAnswer = z
  .object({ enrollment: EnrollmentWithState })
  .openapi('EnrollmentWithStateAnswer');

export const EnrollmentList = z.object({ enrollments: z.array(Enrollment) }).openapi('EnrollmentList');
