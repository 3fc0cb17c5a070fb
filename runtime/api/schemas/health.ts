/** The health report: is the database answering, is Temporal reachable. */
import { z } from '@hono/zod-openapi';

const Check = z.object({ ok: z.boolean(), error: z.string().optional() });

export const Health = z
  .object({
    status: z.enum(['ok', 'degraded']),
    database: Check,
    temporal: Check.extend({ address: z.string() }),
  })
  .openapi('Health');
export type Health = z.infer<typeof Health>;
