/** Enrollments: enroll a patient in a published version, list, read state and path, request an exit. */
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { AppEnv } from '../context.js';
import { body, errors, ok, IdParam } from '../openapi.js';
import { requireRole, requireTemporal } from '../auth.js';
import {
  enroll,
  exitEnrollment,
  getEnrollment,
  listEnrollments,
  sendEnrollmentEvent,
} from '../../enrollments/enroll.js';

export const enrollmentRoutes = new OpenAPIHono<AppEnv>();

const Id = z.string().min(1).max(100);

enrollmentRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/enrollments',
    tags: ['Enrollments'],
    summary: 'Enroll a patient in a published version',
    request: body(z.object({ versionId: Id, patientId: Id })),
    responses: {
      200: ok('Already enrolled: the existing enrollment'),
      201: ok('The new enrollment'),
      404: errors[404],
      409: errors[409],
    },
  }),
  async (c) => {
    const user = requireRole(c, 'program-manager', 'care-team');
    const result = await enroll(c.get('deps').db, () => requireTemporal(c), user.id, c.req.valid('json'));
    return result.alreadyEnrolled ? c.json(result, 200) : c.json({ enrollment: result.enrollment }, 201);
  },
);

enrollmentRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/enrollments',
    tags: ['Enrollments'],
    summary: 'List enrollments',
    request: { query: z.object({ versionId: Id.optional(), journeyId: Id.optional(), patientId: Id.optional() }) },
    responses: { 200: ok('Enrollments') },
  }),
  async (c) => {
    requireRole(c, 'program-manager', 'care-team', 'compliance-reviewer');
    return c.json({ enrollments: await listEnrollments(c.get('deps').db, c.req.valid('query')) }, 200);
  },
);

enrollmentRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/enrollments/{id}',
    tags: ['Enrollments'],
    summary: 'An enrollment with its live state and path',
    request: { params: IdParam },
    responses: { 200: ok('The enrollment'), 404: errors[404] },
  }),
  async (c) => {
    requireRole(c, 'program-manager', 'care-team', 'compliance-reviewer');
    return c.json(
      { enrollment: await getEnrollment(c.get('deps').db, c.get('deps').temporal(), c.req.valid('param').id) },
      200,
    );
  },
);

enrollmentRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/enrollments/{id}/exit',
    tags: ['Enrollments'],
    summary: 'End an enrollment now',
    request: { params: IdParam, ...body(z.object({ reason: z.string().trim().min(1).max(500) })) },
    responses: { 200: ok('The enrollment'), 404: errors[404], 409: errors[409] },
  }),
  async (c) => {
    const user = requireRole(c, 'program-manager', 'care-team');
    return c.json(
      {
        enrollment: await exitEnrollment(
          c.get('deps').db,
          () => requireTemporal(c),
          user.id,
          c.req.valid('param').id,
          c.req.valid('json').reason,
        ),
      },
      200,
    );
  },
);

enrollmentRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/enrollments/{id}/events',
    tags: ['Enrollments'],
    summary: 'Deliver an event (refill picked up, therapy discontinued) to an enrollment',
    request: {
      params: IdParam,
      ...body(
        z.object({
          name: z.string().trim().min(1).max(100),
          payload: z
            .record(z.string().max(64), z.union([z.string().max(1000), z.number(), z.boolean(), z.null()]))
            .optional(),
        }),
      ),
    },
    responses: { 202: ok('Delivered to the running journey'), 404: errors[404], 409: errors[409], 422: errors[422] },
  }),
  async (c) => {
    const user = requireRole(c, 'program-manager', 'care-team', 'engineer');
    const { name, payload } = c.req.valid('json');
    return c.json(
      {
        enrollment: await sendEnrollmentEvent(
          c.get('deps').db,
          () => requireTemporal(c),
          user.id,
          c.req.valid('param').id,
          { name, ...(payload ? { payload } : {}) },
        ),
      },
      202,
    );
  },
);
