/** The path an enrollment took: the steps the patient went through, in order, with when they entered and left each. */
import { z } from '@hono/zod-openapi';

export const PathStep = z
  .object({
    step: z.string(),
    /** The step's name in the enrollment's version, or in the version a migration moved it from; its id when it has none. */
    name: z.string(),
    type: z.string(),
    visit: z.number().int(),
    enteredAt: z.string(),
    leftAt: z.string().optional(),
    /** The output the patient left by (reply class, outcome, `next`…); absent while they are still there. */
    output: z.string().optional(),
    /** What happened there, e.g. the reply that chose the output. */
    detail: z.string().optional(),
  })
  .openapi('PathStep');
export type PathStep = z.infer<typeof PathStep>;

export const EnrollmentPath = z
  .object({
    enrollmentId: z.string(),
    versionId: z.string(),
    status: z.string(),
    /**
     * `journey`: the workflow's own record of every step. `records`: rebuilt from what the database keeps (messages,
     * answers, tasks) when the workflow's history is gone or Temporal does not answer; waits and splits are then missing.
     */
    source: z.enum(['journey', 'records']),
    steps: z.array(PathStep),
    /** The step the patient is in now, while the journey runs. */
    currentStep: z.string().optional(),
  })
  .openapi('EnrollmentPath');
export type EnrollmentPath = z.infer<typeof EnrollmentPath>;
