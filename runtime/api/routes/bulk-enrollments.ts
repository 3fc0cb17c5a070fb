/** Bulk enrollment from a CSV file: preview every row's problems (nothing written), then enroll the valid rows. */
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import type { AppEnv } from '../context.js';
import { body, bodyErrors, errors, json, sessionErrors, IdParam } from '../openapi.js';
import { BulkEnrollmentInput, BulkPreviewAnswer, BulkRunAnswer } from '../schemas/bulk-enrollment.js';
import { requireRole, roles, requireTemporal } from '../auth.js';
import { previewBulkEnrollment, runBulkEnrollment } from '../../enrollments/bulk-enroll.js';

const preview = createRoute({
  method: 'post',
  path: '/versions/{id}/bulk-enrollments/preview',
  tags: ['Enrollments'],
  ...roles('program-manager', 'care-team'),
  summary: 'Preview a CSV file of patients: every row with its problems; nothing is written',
  request: { params: IdParam, ...body(BulkEnrollmentInput) },
  responses: {
    200: json(BulkPreviewAnswer, 'Every row of the file, ready, already enrolled or with its problems'),
    ...bodyErrors,
    ...sessionErrors,
    404: errors[404],
    409: errors[409],
  },
});

const run = createRoute({
  method: 'post',
  path: '/versions/{id}/bulk-enrollments',
  tags: ['Enrollments'],
  ...roles('program-manager', 'care-team'),
  summary: 'Enroll the valid rows of a CSV file of patients',
  description:
    'Each row is written whole or not at all (patient, consents, enrollment) and its workflow started under a ' +
    'deterministic id, so uploading the same file again enrolls nobody twice and finishes what a failure left.',
  request: { params: IdParam, ...body(BulkEnrollmentInput) },
  responses: {
    200: json(BulkRunAnswer, 'Every row of the file with what happened to it'),
    ...bodyErrors,
    ...sessionErrors,
    404: errors[404],
    409: errors[409],
    422: errors[422],
    503: errors[503],
  },
});

export const bulkEnrollmentRoutes = new OpenAPIHono<AppEnv>()
  .openapi(preview, async (c) => {
    requireRole(c, 'program-manager', 'care-team');
    const { id } = c.req.valid('param');
    return c.json(await previewBulkEnrollment(c.get('deps').db, id, c.req.valid('json').csv), 200);
  })
  .openapi(run, async (c) => {
    const user = requireRole(c, 'program-manager', 'care-team');
    const { id } = c.req.valid('param');
    const result = await runBulkEnrollment(
      c.get('deps').db,
      () => requireTemporal(c),
      user.id,
      id,
      c.req.valid('json').csv,
    );
    return c.json(result, 200);
  });
