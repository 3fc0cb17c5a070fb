/** Tasks for the care team: the queues, one task with the patient's context, claim, release, and record an outcome. */
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import type { AppEnv } from '../context.js';
import { body, bodyErrors, errors, json, sessionErrors, IdParam, lookupErrors } from '../openapi.js';
import { TaskAnswer, TaskCompletion, TaskDetail, TaskList, TaskOutcomeInput, TaskQuery } from '../schemas/task.js';
import { requireRole, roles, requireTemporal } from '../auth.js';
import { listTasks } from '../../tasks/list.js';
import { taskDetail } from '../../tasks/context.js';
import { claimTask, releaseTask } from '../../tasks/claims.js';
import { completeTask } from '../../tasks/complete.js';

const listAll = createRoute({
  method: 'get',
  path: '/tasks',
  tags: ['Tasks'],
  ...roles('care-team', 'program-manager'),
  summary: 'Tasks to work, by queue, with escalated tasks apart',
  request: { query: TaskQuery },
  responses: {
    200: json(TaskList, 'Open tasks soonest deadline first, escalated tasks apart, and a count per queue'),
    400: errors[400],
    ...sessionErrors,
  },
});

const getOne = createRoute({
  method: 'get',
  path: '/tasks/{id}',
  tags: ['Tasks'],
  ...roles('care-team', 'program-manager'),
  summary: "A task with the patient's context: journey, step, recent messages, answers and scores",
  request: { params: IdParam },
  responses: {
    200: json(TaskDetail, 'The task and its context'),
    ...lookupErrors,
  },
});

const claim = createRoute({
  method: 'post',
  path: '/tasks/{id}/claim',
  tags: ['Tasks'],
  ...roles('care-team'),
  summary: 'Claim a task, so the rest of the queue leaves it to you',
  request: { params: IdParam },
  responses: {
    200: json(TaskAnswer, 'The task, claimed by you'),
    ...lookupErrors,
    409: errors[409],
  },
});

const release = createRoute({
  method: 'post',
  path: '/tasks/{id}/release',
  tags: ['Tasks'],
  ...roles('care-team', 'admin'),
  summary: 'Give a claimed task back to its queue',
  request: { params: IdParam },
  responses: {
    200: json(TaskAnswer, 'The task, unclaimed'),
    ...lookupErrors,
    409: errors[409],
  },
});

const complete = createRoute({
  method: 'post',
  path: '/tasks/{id}/complete',
  tags: ['Tasks'],
  ...roles('care-team'),
  summary: "Record one of the step's outcomes with a note; the journey goes on at once",
  description:
    'The outcome reaches the journey as a Workflow Update; 409 when the task is closed, claimed by someone else, ' +
    'or the journey no longer waits for it. An escalated task records the follow-up only (`journey` is null).',
  request: { params: IdParam, ...body(TaskOutcomeInput) },
  responses: {
    200: json(TaskCompletion, 'The closed task and where the journey went'),
    ...bodyErrors,
    ...sessionErrors,
    404: errors[404],
    409: errors[409],
    422: errors[422],
    503: errors[503],
  },
});

export const taskRoutes = new OpenAPIHono<AppEnv>()
  .openapi(listAll, async (c) => {
    requireRole(c, 'care-team', 'program-manager');
    return c.json(await listTasks(c.get('deps').db, c.req.valid('query')), 200);
  })
  .openapi(getOne, async (c) => {
    requireRole(c, 'care-team', 'program-manager');
    return c.json(await taskDetail(c.get('deps').db, c.req.valid('param').id), 200);
  })
  .openapi(claim, async (c) => {
    const user = requireRole(c, 'care-team');
    return c.json({ task: await claimTask(c.get('deps').db, user, c.req.valid('param').id) }, 200);
  })
  .openapi(release, async (c) => {
    const user = requireRole(c, 'care-team', 'admin');
    return c.json({ task: await releaseTask(c.get('deps').db, user, c.req.valid('param').id) }, 200);
  })
  .openapi(complete, async (c) => {
    const user = requireRole(c, 'care-team');
    const answer = await completeTask(
      c.get('deps').db,
      () => requireTemporal(c),
      user,
      c.req.valid('param').id,
      c.req.valid('json'),
    );
    return c.json(answer, 200);
  });
