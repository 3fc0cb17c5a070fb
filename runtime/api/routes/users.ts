/** Users and roles, for admins: list, create, edit (name, roles, discipline, password), disable and re-enable. */
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import type { AppEnv } from '../context.js';
import { IdParam, body, bodyErrors, errors, json, sessionErrors, lookupErrors } from '../openapi.js';
import { requireRole, roles } from '../auth.js';
import { createUser, getUser, listUsers } from '../../people/users.js';
import { setUserDisabled, updateUser } from '../../people/user-admin.js';
import { NewUserInput, UserChangeInput, UserList, UserRecordAnswer, UserStatusInput } from '../schemas/users.js';

const list = createRoute({
  method: 'get',
  path: '/users',
  tags: ['Users'],
  ...roles('admin'),
  summary: 'List users with their roles',
  responses: {
    200: json(UserList, 'Every user, by email'),
    ...sessionErrors,
  },
});

const create = createRoute({
  method: 'post',
  path: '/users',
  tags: ['Users'],
  ...roles('admin'),
  summary: 'Create a user',
  request: body(NewUserInput),
  responses: {
    201: json(UserRecordAnswer, 'The user; the creation is audited (without the password)'),
    ...bodyErrors,
    ...sessionErrors,
    409: errors[409],
  },
});

const read = createRoute({
  method: 'get',
  path: '/users/{id}',
  tags: ['Users'],
  ...roles('admin'),
  summary: 'One user',
  request: { params: IdParam },
  responses: {
    200: json(UserRecordAnswer, 'The user'),
    ...lookupErrors,
  },
});

const edit = createRoute({
  method: 'patch',
  path: '/users/{id}',
  tags: ['Users'],
  ...roles('admin'),
  summary: "Change a user's name, roles, discipline or password",
  request: { params: IdParam, ...body(UserChangeInput) },
  responses: {
    200: json(UserRecordAnswer, 'The user; losing a role or a new password ends their sessions'),
    ...bodyErrors,
    ...sessionErrors,
    404: errors[404],
    409: errors[409],
  },
});

const status = createRoute({
  method: 'put',
  path: '/users/{id}/status',
  tags: ['Users'],
  ...roles('admin'),
  summary: 'Disable a user (their sessions end at once) or enable them again',
  request: { params: IdParam, ...body(UserStatusInput) },
  responses: {
    200: json(UserRecordAnswer, 'The user'),
    ...bodyErrors,
    ...sessionErrors,
    404: errors[404],
    409: errors[409],
  },
});

export const userRoutes = new OpenAPIHono<AppEnv>()
  .openapi(list, async (c) => {
    requireRole(c, 'admin');
    return c.json({ users: await listUsers(c.get('deps').db) }, 200);
  })
  .openapi(create, async (c) => {
    const admin = requireRole(c, 'admin');
    return c.json({ user: await createUser(c.get('deps').db, admin.id, c.req.valid('json')) }, 201);
  })
  .openapi(read, async (c) => {
    requireRole(c, 'admin');
    return c.json({ user: await getUser(c.get('deps').db, c.req.valid('param').id) }, 200);
  })
  .openapi(edit, async (c) => {
    const admin = requireRole(c, 'admin');
    const user = await updateUser(c.get('deps').db, admin.id, c.req.valid('param').id, c.req.valid('json'));
    return c.json({ user }, 200);
  })
  .openapi(status, async (c) => {
    const admin = requireRole(c, 'admin');
    const { disabled } = c.req.valid('json');
    return c.json({ user: await setUserDisabled(c.get('deps').db, admin.id, c.req.valid('param').id, disabled) }, 200);
  });
