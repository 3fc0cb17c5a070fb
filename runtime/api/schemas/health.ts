/** The health report: is the process live, is it ready (database, Temporal, a polling worker), and what is wrong if not. */
import { z } from '@hono/zod-openapi';

const Check = z.object({
  ok: z.boolean(),
  error: z.string().optional().openapi({ description: 'What is wrong; the details only for logged-in users' }),
});

export const Health = z
  .object({
    status: z.enum(['ok', 'degraded']),
    live: z.literal(true).openapi({ description: 'The process answers (what a liveness probe needs)' }),
    ready: z.boolean().openapi({
      description: 'The database and Temporal answer and a worker polls the enrollment task queue: journeys run',
    }),
    database: Check,
    temporal: Check.extend({
      address: z.string().optional().openapi({ description: "Temporal's address, only for logged-in users" }),
    }),
    worker: Check.openapi({ description: 'Whether a worker polls the enrollment task queue, as Temporal sees it' }),
  })
  .openapi('Health');
export type Health = z.infer<typeof Health>;

export const Liveness = z.object({ live: z.literal(true) }).openapi('Liveness');
export const Readiness = z.object({ ready: z.literal(true) }).openapi('Readiness');
