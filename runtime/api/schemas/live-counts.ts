/** Live counts of a version, for the canvas overlay: at each step now, past each edge, goals and ends. Aggregates only, no PHI. */
import { z } from '@hono/zod-openapi';

const Counts = z.record(z.string(), z.number().int());

export const LiveCountsAnswer = z
  .object({
    versionId: z.string(),
    atStep: Counts.openapi({ description: 'Running enrollments at each step now, by step id' }),
    passed: Counts.openapi({ description: 'Enrollments that passed each edge, keyed `step.output`' }),
    goals: Counts.openapi({ description: 'Enrollments that reached each goal' }),
    enrollments: z.object({
      running: z.number().int(),
      completed: z.number().int(),
      exited: z.number().int(),
      failed: z.number().int(),
    }),
    visibility: z.boolean().openapi({
      description: "False when Temporal's visibility could not answer; step and edge counts are then empty",
    }),
    countedAt: z.string(),
  })
  .openapi('LiveCounts');
