/** GET /api/health: is the database answering, is Temporal reachable. */
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import type { AppEnv } from '../context.js';
import { json } from '../openapi.js';
import { Health } from '../schemas/health.js';

const getHealth = createRoute({
  method: 'get',
  path: '/health',
  tags: ['Health'],
  summary: 'Health of the database and of Temporal',
  responses: {
    200: json(Health, 'Health report; 200 even when degraded'),
  },
});

export const health = new OpenAPIHono<AppEnv>().openapi(getHealth, async (c) => {
  const deps = c.get('deps');
  const database = await deps.db.run(sql`select 1`).then(
    () => ({ ok: true }),
    (e: Error) => ({ ok: false, error: e.message }),
  );
  const access = deps.temporal();
  const temporal = access
    ? await access.client.connection.workflowService.getSystemInfo({}).then(
        () => ({ ok: true, address: deps.temporalAddress }),
        (e: Error) => ({ ok: false, address: deps.temporalAddress, error: e.message }),
      )
    : { ok: false, address: deps.temporalAddress, error: 'not connected' };
  return c.json(
    { status: database.ok && temporal.ok ? ('ok' as const) : ('degraded' as const), database, temporal },
    200,
  );
});
