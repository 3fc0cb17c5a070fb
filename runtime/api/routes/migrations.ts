/** Moving enrolled patients from version N to a later version M: dry run, run, progress and retry of the failed. Program managers only. */
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import type { AppEnv } from '../context.js';
import { body, bodyErrors, errors, json, sessionErrors, IdParam, lookupErrors } from '../openapi.js';
import { requireRole, roles, requireTemporal } from '../auth.js';
import { MigrationAnswer, MigrationDryRun, MigrationInput, MigrationList } from '../schemas/migrations.js';
import { migrationDryRun } from '../../migrations/dry-run.js';
import { retryMigration, startMigration } from '../../migrations/run.js';
import { migrationView, migrationsInto } from '../../migrations/view.js';

const dryRun = createRoute({
  method: 'post',
  path: '/versions/{id}/migrations/dry-run',
  tags: ['Migrations'],
  ...roles('program-manager'),
  summary:
    'Dry run of moving the waiting patients of an earlier version to this one: the mapping, who goes where, who cannot move and why',
  description: 'Nothing changes. Where patients wait comes from one Temporal visibility listing of the old version.',
  request: { params: IdParam, ...body(MigrationInput) },
  responses: {
    200: json(
      MigrationDryRun,
      'The mapping with its problems, counts by target step, and the patients who cannot move now',
    ),
    ...bodyErrors,
    ...sessionErrors,
    404: errors[404],
    409: errors[409],
    422: errors[422],
    503: errors[503],
  },
});

const run = createRoute({
  method: 'post',
  path: '/versions/{id}/migrations',
  tags: ['Migrations'],
  ...roles('program-manager'),
  summary: 'Move the waiting patients of an earlier version to this one',
  description:
    'Each movable patient moves through their workflow at a safe point and continues on this version at the mapped ' +
    'step; the enrollment records its new version and each move is audited. Answers at once; follow the progress ' +
    'with GET /api/migrations/{id}.',
  request: { params: IdParam, ...body(MigrationInput) },
  responses: {
    202: json(MigrationAnswer, 'The migration, started'),
    ...bodyErrors,
    ...sessionErrors,
    404: errors[404],
    409: errors[409],
    422: errors[422],
    503: errors[503],
  },
});

const listInto = createRoute({
  method: 'get',
  path: '/versions/{id}/migrations',
  tags: ['Migrations'],
  ...roles('program-manager'),
  summary: 'The migrations into this version, newest first',
  request: { params: IdParam },
  responses: {
    200: json(MigrationList, 'The last 20 migrations'),
    ...lookupErrors,
  },
});

const show = createRoute({
  method: 'get',
  path: '/migrations/{id}',
  tags: ['Migrations'],
  ...roles('program-manager'),
  summary: 'A migration: patients moved, failed (with the reason) and pending',
  request: { params: IdParam },
  responses: { 200: json(MigrationAnswer, 'The migration'), ...lookupErrors },
});

const retry = createRoute({
  method: 'post',
  path: '/migrations/{id}/retry',
  tags: ['Migrations'],
  ...roles('program-manager'),
  summary: 'Try the failed patients of a migration again',
  request: { params: IdParam },
  responses: {
    202: json(MigrationAnswer, 'The migration, with the failed patients pending again'),
    ...lookupErrors,
    409: errors[409],
    503: errors[503],
  },
});

export const migrationRoutes = new OpenAPIHono<AppEnv>()
  .openapi(dryRun, async (c) => {
    const user = requireRole(c, 'program-manager');
    // Temporal is asked for after the versions are checked, so bad input gets its 4xx even while it is down.
    const { answer } = await migrationDryRun(
      c.get('deps').db,
      c.get('deps').temporal()?.client,
      user.id,
      c.req.valid('param').id,
      c.req.valid('json'),
    );
    return c.json(answer, 200);
  })
  .openapi(run, async (c) => {
    const user = requireRole(c, 'program-manager');
    const { db } = c.get('deps');
    const id = await startMigration(
      db,
      () => requireTemporal(c),
      user.id,
      c.req.valid('param').id,
      c.req.valid('json'),
    );
    return c.json({ migration: await migrationView(db, id) }, 202);
  })
  .openapi(listInto, async (c) => {
    requireRole(c, 'program-manager');
    return c.json({ migrations: await migrationsInto(c.get('deps').db, c.req.valid('param').id) }, 200);
  })
  .openapi(show, async (c) => {
    requireRole(c, 'program-manager');
    return c.json({ migration: await migrationView(c.get('deps').db, c.req.valid('param').id) }, 200);
  })
  .openapi(retry, async (c) => {
    const user = requireRole(c, 'program-manager');
    const { db } = c.get('deps');
    const { id } = c.req.valid('param');
    await retryMigration(db, () => requireTemporal(c), user.id, id);
    return c.json({ migration: await migrationView(db, id) }, 202);
  });
