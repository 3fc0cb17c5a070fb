/** Enrollments: enroll a patient in a published version, list, read state and path, deliver an event, request an exit, skip a test patient's wait. */
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import type { AppEnv } from '../context.js';
import { body, bodyErrors, errors, json, sessionErrors, IdParam, lookupErrors } from '../openapi.js';
import {
  EnrollmentAnswer,
  EnrollmentList,
  EnrollmentQuery,
  EnrollmentWithStateAnswer,
  EventInput,
  ExistingEnrollmentAnswer,
  ExitInput,
  NewEnrollment,
  SkipWaitAnswer,
} from '../schemas/enrollment.js';
import { requireRole, roles, requireTemporal } from '../auth.js';
import {
  enroll,
  exitEnrollment,
  getEnrollment,
  listEnrollments,
  sendEnrollmentEvent,
} from '../../enrollments/enroll.js';
import { skipWait } from '../../enrollments/skip-wait.js';
import { sharedContactWarnings } from '../../channels/hygiene-shared.js';

const create = createRoute({
  method: 'post',
  path: '/enrollments',
  tags: ['Enrollments'],
  ...roles('program-manager', 'care-team'),
  summary: 'Enroll a patient in a published version',
  request: body(NewEnrollment),
  responses: {
    200: json(ExistingEnrollmentAnswer, 'Already enrolled: the existing enrollment'),
    201: json(EnrollmentAnswer, 'The new enrollment'),
    ...bodyErrors,
    ...sessionErrors,
    404: errors[404],
    409: errors[409],
    503: errors[503],
  },
});

const listAll = createRoute({
  method: 'get',
  path: '/enrollments',
  tags: ['Enrollments'],
  ...roles('program-manager', 'care-team'),
  summary: 'List enrollments',
  request: { query: EnrollmentQuery },
  responses: {
    200: json(EnrollmentList, 'Enrollments, newest first'),
    400: errors[400],
    ...sessionErrors,
  },
});

const getOne = createRoute({
  method: 'get',
  path: '/enrollments/{id}',
  tags: ['Enrollments'],
  ...roles('program-manager', 'care-team'),
  summary: 'An enrollment with its live state and path',
  description: '`state` is null while Temporal is not reachable or the run has no state to report.',
  request: { params: IdParam },
  responses: {
    200: json(EnrollmentWithStateAnswer, 'The enrollment'),
    ...lookupErrors,
  },
});

const exit = createRoute({
  method: 'post',
  path: '/enrollments/{id}/exit',
  tags: ['Enrollments'],
  ...roles('program-manager', 'care-team'),
  summary: 'End an enrollment now',
  request: { params: IdParam, ...body(ExitInput) },
  responses: {
    200: json(EnrollmentAnswer, 'The enrollment'),
    ...bodyErrors,
    ...sessionErrors,
    404: errors[404],
    409: errors[409],
    503: errors[503],
  },
});

const deliverEvent = createRoute({
  method: 'post',
  path: '/enrollments/{id}/events',
  tags: ['Enrollments'],
  ...roles('program-manager', 'care-team'),
  summary: 'Deliver an event (refill picked up, therapy discontinued) to an enrollment',
  request: { params: IdParam, ...body(EventInput) },
  responses: {
    202: json(EnrollmentAnswer, 'Delivered to the running journey'),
    ...bodyErrors,
    ...sessionErrors,
    404: errors[404],
    409: errors[409],
    422: errors[422],
    503: errors[503],
  },
});

const skipTestWait = createRoute({
  method: 'post',
  path: '/enrollments/{id}/skip-wait',
  tags: ['Enrollments'],
  ...roles('program-manager'),
  summary: "End a test patient's current wait now",
  description:
    'For trying a journey out: the wait (a wait step, a reply or event timeout, a task deadline) ends as its timer would, and the journey goes on. Test patients only; audited. 409 when the patient is not a test patient, the run has ended, or the journey is not waiting (a message held for quiet hours is not a wait).',
  request: { params: IdParam },
  responses: {
    200: json(SkipWaitAnswer, 'The wait ended; where the journey went'),
    ...lookupErrors,
    409: errors[409],
    503: errors[503],
  },
});

export const enrollmentRoutes = new OpenAPIHono<AppEnv>()
  .openapi(create, async (c) => {
    const user = requireRole(c, 'program-manager', 'care-team');
    const { db } = c.get('deps');
    const result = await enroll(db, () => requireTemporal(c), user.id, c.req.valid('json'));
    if (result.alreadyEnrolled) return c.json({ enrollment: result.enrollment, alreadyEnrolled: true as const }, 200);
    // A shared number is flagged, never refused: a family phone is a fact of patient support.
    const warnings = await sharedContactWarnings(db, result.enrollment.patientId);
    return c.json({ enrollment: result.enrollment, ...(warnings.length ? { warnings } : {}) }, 201);
  })
  .openapi(listAll, async (c) => {
    requireRole(c, 'program-manager', 'care-team');
    return c.json({ enrollments: await listEnrollments(c.get('deps').db, c.req.valid('query')) }, 200);
  })
  .openapi(getOne, async (c) => {
    requireRole(c, 'program-manager', 'care-team');
    const { db, temporal } = c.get('deps');
    return c.json({ enrollment: await getEnrollment(db, temporal(), c.req.valid('param').id) }, 200);
  })
  .openapi(exit, async (c) => {
    const user = requireRole(c, 'program-manager', 'care-team');
    const { id } = c.req.valid('param');
    const { reason } = c.req.valid('json');
    return c.json(
      { enrollment: await exitEnrollment(c.get('deps').db, () => requireTemporal(c), user.id, id, reason) },
      200,
    );
  })
  .openapi(deliverEvent, async (c) => {
    const user = requireRole(c, 'program-manager', 'care-team');
    const { id } = c.req.valid('param');
    const { name, payload } = c.req.valid('json');
    const event = { name, ...(payload ? { payload } : {}) };
    return c.json(
      { enrollment: await sendEnrollmentEvent(c.get('deps').db, () => requireTemporal(c), user.id, id, event) },
      202,
    );
  })
  .openapi(skipTestWait, async (c) => {
    const user = requireRole(c, 'program-manager');
    const { id } = c.req.valid('param');
    return c.json(await skipWait(c.get('deps').db, () => requireTemporal(c), user.id, id), 200);
  });
