/** Log in, log out, who am I. */
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../context.js';
import { body, errors, ok } from '../openapi.js';
import { UnauthenticatedError } from '../../errors.js';
import { login, logout } from '../../people/sessions.js';
import { SESSION_COOKIE, requireRole } from '../auth.js';
import { ROLES } from '../../people/roles.js';
import { appendAudit } from '../../db/audit.js';

export const sessionRoutes = new OpenAPIHono<AppEnv>();

const Login = z.object({ email: z.string().min(1).max(320), password: z.string().min(1).max(500) }).openapi('Login');

sessionRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/sessions',
    tags: ['Sessions'],
    summary: 'Log in',
    request: body(Login),
    responses: { 200: ok('Logged in; the session cookie is set'), 401: errors[401] },
  }),
  async (c) => {
    const { email, password } = c.req.valid('json');
    const { db } = c.get('deps');
    const session = await login(db, email, password);
    if (!session) throw new UnauthenticatedError('wrong-credentials', 'The email or password is not right.');
    await db.transaction(
      (tx) =>
        appendAudit(tx, {
          actor: session.user.id,
          action: 'session.login',
          entityType: 'user',
          entityId: session.user.id,
        }),
      { behavior: 'immediate' },
    );
    setCookie(c, SESSION_COOKIE, session.token, {
      httpOnly: true,
      sameSite: 'Lax',
      path: '/',
      secure: new URL(c.req.url).protocol === 'https:',
    });
    return c.json({ user: session.user }, 200);
  },
);

sessionRoutes.openapi(
  createRoute({
    method: 'delete',
    path: '/sessions',
    tags: ['Sessions'],
    summary: 'Log out',
    responses: { 204: { description: 'Logged out' } },
  }),
  async (c) => {
    const token = getCookie(c, SESSION_COOKIE);
    if (token) await logout(c.get('deps').db, token);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.body(null, 204);
  },
);

sessionRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/sessions/current',
    tags: ['Sessions'],
    summary: 'The logged-in user',
    responses: { 200: ok('The user'), 401: errors[401] },
  }),
  (c) => {
    return c.json({ user: requireRole(c, ...ROLES) }, 200);
  },
);
