/**
 * GET /api/health (the full report), /api/health/live (the process answers) and /api/health/ready (the database and
 * Temporal answer and a worker polls, so journeys run). Public, so probes need no session; internal addresses and
 * error details only for logged-in users.
 */
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import type { Context } from 'hono';
import type { AppEnv } from '../context.js';
import { errors, json } from '../openapi.js';
import { Health, Liveness, Readiness } from '../schemas/health.js';
import { UnavailableError } from '../../errors.js';
import { workerIsPolling } from '../../temporal/pollers.js';

const getHealth = createRoute({
  method: 'get',
  path: '/health',
  tags: ['Health'],
  summary: 'Health of the database, Temporal and the worker; live and ready',
  responses: {
    200: json(Health, 'Health report; 200 even when degraded'),
  },
});

const getLive = createRoute({
  method: 'get',
  path: '/health/live',
  tags: ['Health'],
  summary: 'Liveness: the process answers',
  responses: { 200: json(Liveness, 'Live') },
});

const getReady = createRoute({
  method: 'get',
  path: '/health/ready',
  tags: ['Health'],
  summary: 'Readiness: the database and Temporal answer and a worker polls the enrollment task queue',
  responses: { 200: json(Readiness, 'Ready'), 503: errors[503] },
});

type Check = { ok: boolean; error?: string };

async function check(probe: () => Promise<unknown>): Promise<Check> {
  return probe().then(
    () => ({ ok: true }),
    (e: Error) => ({ ok: false, error: e.message }),
  );
}

async function healthReport(c: Context<AppEnv>): Promise<Health> {
  const deps = c.get('deps');
  // Error texts can name hosts and ports ("connect ECONNREFUSED 10.0.3.7:7233"): those are for staff only.
  const loggedIn = !!c.get('user');
  const shown = ({ ok, error }: Check, generic: string): Check =>
    ok ? { ok } : { ok, error: loggedIn ? error : generic };
  const database = await check(() => deps.db.run(sql`select 1`));
  const access = deps.temporal();
  const temporal = access
    ? await check(() => access.client.connection.workflowService.getSystemInfo({}))
    : { ok: false, error: 'not connected' };
  const worker: Check = !access
    ? { ok: false, error: 'Temporal is not connected' }
    : temporal.ok
      ? await workerIsPolling(access.client, access.taskQueue).then(
          (polling) => (polling ? { ok: true } : { ok: false, error: 'no worker polls the enrollment task queue' }),
          (e: Error) => ({ ok: false, error: e.message }),
        )
      : { ok: false, error: 'Temporal does not answer' };
  const ready = database.ok && temporal.ok && worker.ok;
  return {
    status: database.ok && temporal.ok ? 'ok' : 'degraded',
    live: true,
    ready,
    database: shown(database, 'the database does not answer'),
    temporal: {
      ...shown(temporal, 'Temporal does not answer'),
      ...(loggedIn ? { address: deps.temporalAddress } : {}),
    },
    worker: shown(worker, 'no worker is ready'),
  };
}

export const health = new OpenAPIHono<AppEnv>()
  .openapi(getHealth, async (c) => c.json(await healthReport(c), 200))
  .openapi(getLive, (c) => c.json({ live: true as const }, 200))
  .openapi(getReady, async (c) => {
    const report = await healthReport(c);
    if (!report.ready) {
      const missing = [
        !report.database.ok && 'the database',
        !report.temporal.ok && 'Temporal',
        !report.worker.ok && 'a polling worker',
      ].filter(Boolean);
      throw new UnavailableError('not-ready', `Not ready: waiting for ${missing.join(', ')}.`);
    }
    return c.json({ ready: true as const }, 200);
  });
