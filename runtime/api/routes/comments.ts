/** Review comments on a version: list, open a thread (on a step or the whole version), reply, resolve. */
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import type { AppEnv } from '../context.js';
import { body, bodyErrors, errors, json, sessionErrors, IdParam, lookupErrors } from '../openapi.js';
import { CommentAnswer, CommentInput, CommentList, ReplyInput } from '../schemas/review.js';
import { requireRole, roles } from '../auth.js';
import { addComment, listComments, replyToComment, resolveComment } from '../../journeys/comments.js';

const list = createRoute({
  method: 'get',
  path: '/versions/{id}/comments',
  ...roles('program-manager', 'compliance-reviewer'),
  tags: ['Review'],
  summary: "A version's comments, oldest first; replies carry their thread's id",
  request: { params: IdParam },
  responses: { 200: json(CommentList, 'The comments'), ...lookupErrors },
});

const create = createRoute({
  method: 'post',
  path: '/versions/{id}/comments',
  ...roles('program-manager', 'compliance-reviewer'),
  tags: ['Review'],
  summary: 'Open a comment thread on a step of the version, or on the whole version',
  request: { params: IdParam, ...body(CommentInput) },
  responses: {
    201: json(CommentAnswer, 'The comment'),
    ...bodyErrors,
    ...sessionErrors,
    404: errors[404],
    422: errors[422],
  },
});

const reply = createRoute({
  method: 'post',
  path: '/comments/{id}/replies',
  ...roles('program-manager', 'compliance-reviewer'),
  tags: ['Review'],
  summary: 'Answer a comment thread',
  request: { params: IdParam, ...body(ReplyInput) },
  responses: { 201: json(CommentAnswer, 'The reply'), ...bodyErrors, ...sessionErrors, 404: errors[404] },
});

const resolve = createRoute({
  method: 'post',
  path: '/comments/{id}/resolve',
  ...roles('program-manager', 'compliance-reviewer'),
  tags: ['Review'],
  summary: 'Resolve a comment thread (a program manager, or whoever opened it)',
  request: { params: IdParam },
  responses: {
    200: json(CommentAnswer, "The thread's first comment, resolved"),
    ...lookupErrors,
    409: errors[409],
  },
});

export const commentRoutes = new OpenAPIHono<AppEnv>()
  .openapi(list, async (c) => {
    requireRole(c, 'program-manager', 'compliance-reviewer');
    return c.json({ comments: await listComments(c.get('deps').db, c.req.valid('param').id) }, 200);
  })
  .openapi(create, async (c) => {
    const user = requireRole(c, 'program-manager', 'compliance-reviewer');
    const comment = await addComment(c.get('deps').db, user.id, c.req.valid('param').id, c.req.valid('json'));
    return c.json({ comment }, 201);
  })
  .openapi(reply, async (c) => {
    const user = requireRole(c, 'program-manager', 'compliance-reviewer');
    const comment = await replyToComment(c.get('deps').db, user.id, c.req.valid('param').id, c.req.valid('json'));
    return c.json({ comment }, 201);
  })
  .openapi(resolve, async (c) => {
    const user = requireRole(c, 'program-manager', 'compliance-reviewer');
    return c.json({ comment: await resolveComment(c.get('deps').db, user, c.req.valid('param').id) }, 200);
  });
