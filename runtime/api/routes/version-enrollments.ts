/** A version's enrollments: each patient's status and current step, counts by status and by step. */
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { AppEnv } from '../context.js';
import { json, IdParam, lookupErrors } from '../openapi.js';
import { requireRole, roles } from '../auth.js';
import { EnrollmentStatus } from '../schemas/enrollment.js';
import { versionEnrollments } from '../../enrollments/by-version.js';

const VersionEnrollments = z
  .object({
    versionId: z.string(),
    total: z.number().int(),
    byStatus: z.record(z.string(), z.number().int()).openapi({ description: 'Enrollments by status' }),
    byStep: z
      .record(z.string(), z.number().int())
      .openapi({ description: 'Running enrollments at each step, from Temporal visibility' }),
    stepsKnown: z.boolean().openapi({ description: 'False when visibility could not answer: no steps shown' }),
    enrollments: z.array(
      z.object({
        id: z.string(),
        patientId: z.string(),
        patientName: z.string(),
        status: EnrollmentStatus,
        step: z.string().optional(),
        reason: z.string().optional(),
        startedAt: z.string(),
        endedAt: z.string().optional(),
      }),
    ),
  })
  .openapi('VersionEnrollments');

const list = createRoute({
  method: 'get',
  path: '/versions/{id}/enrollments',
  tags: ['Enrollments'],
  ...roles('program-manager', 'care-team'),
  summary: "A version's enrollments with each patient's status and current step, and counts by status and step",
  request: { params: IdParam },
  responses: {
    200: json(VersionEnrollments, 'The newest 1,000 enrollments; counts cover all'),
    ...lookupErrors,
  },
});

export const versionEnrollmentRoutes = new OpenAPIHono<AppEnv>().openapi(list, async (c) => {
  requireRole(c, 'program-manager', 'care-team');
  const temporal = c.get('deps').temporal();
  const answer = await versionEnrollments(c.get('deps').db, temporal?.client, c.req.valid('param').id);
  return c.json(answer as z.infer<typeof VersionEnrollments>, 200);
});
