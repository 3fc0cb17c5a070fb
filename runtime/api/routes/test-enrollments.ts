/** A journey's test patients: every test enrollment, or the caller's own, so the designer can reopen any of them. */
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import type { AppEnv } from '../context.js';
import { json, IdParam, lookupErrors } from '../openapi.js';
import { TestEnrollmentList, TestEnrollmentQuery } from '../schemas/test-enrollment.js';
import { requireRole, roles } from '../auth.js';
import { TEST_ENROLLMENT_LIMIT, listTestEnrollments } from '../../patients/test-enrollments.js';

const listOfJourney = createRoute({
  method: 'get',
  path: '/journeys/{id}/test-enrollments',
  tags: ['Enrollments'],
  ...roles('program-manager', 'care-team'),
  summary: "A journey's test patients, newest first",
  description: `Enrollments of patients marked test (enrolled from the designer's test run), at most ${TEST_ENROLLMENT_LIMIT}.`,
  request: { params: IdParam, query: TestEnrollmentQuery },
  responses: {
    200: json(TestEnrollmentList, 'Test enrollments with their patient, version and who enrolled them'),
    ...lookupErrors,
  },
});

export const testEnrollmentRoutes = new OpenAPIHono<AppEnv>().openapi(listOfJourney, async (c) => {
  const user = requireRole(c, 'program-manager', 'care-team');
  const { by, versionId } = c.req.valid('query');
  const testEnrollments = await listTestEnrollments(c.get('deps').db, c.req.valid('param').id, {
    ...(by === 'me' ? { enrolledBy: user.id } : {}),
    ...(versionId ? { versionId } : {}),
  });
  return c.json({ testEnrollments }, 200);
});
