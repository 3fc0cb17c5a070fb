/** The path an enrollment took, step by step with times, for the patient's record and a canvas that highlights it. */
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import type { AppEnv } from '../context.js';
import { json, IdParam, lookupErrors } from '../openapi.js';
import { EnrollmentPath } from '../schemas/enrollment-path.js';
import { requireRole, roles } from '../auth.js';
import { enrollmentPath } from '../../patients/enrollment-path.js';

const getPath = createRoute({
  method: 'get',
  path: '/enrollments/{id}/path',
  tags: ['Enrollments'],
  ...roles('program-manager', 'care-team'),
  summary: 'The steps an enrollment went through, in order, with when the patient entered and left each',
  description:
    "From the workflow's own record while Temporal keeps it (`source: journey`); otherwise rebuilt from the messages, answers and tasks on record (`source: records`).",
  request: { params: IdParam },
  responses: {
    200: json(EnrollmentPath, 'The path'),
    ...lookupErrors,
  },
});

export const enrollmentPathRoutes = new OpenAPIHono<AppEnv>().openapi(getPath, async (c) => {
  requireRole(c, 'program-manager', 'care-team');
  const { db, temporal } = c.get('deps');
  return c.json(await enrollmentPath(db, temporal(), c.req.valid('param').id), 200);
});
