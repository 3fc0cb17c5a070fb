/** Log in (throttled, every failure audited), log out, who am I. */
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../context.js';
import { body, bodyErrors, errors, json } from '../openapi.js';
import { Login, UserAnswer } from '../schemas/session.js';
import { SESSION_HOURS, login, logout } from '../../people/sessions.js';
import { SESSION_COOKIE, clientAddress, requireRole, roles } from '../auth.js';
import { ROLES } from '../../people/roles.js';
import { appendAudit } from '../../db/audit.js';

const logIn = createRoute({
  method: 'post',
  path: '/sessions',
  tags: ['Sessions'],
  summary: 'Log in',
  request: body(Login),
  responses: {
    200: json(UserAnswer, 'Logged in; the session cookie is set'),
    ...bodyErrors,
    401: errors[401],
    429: errors[429],
  },
});

const logOut = createRoute({
  method: 'delete',
  path: '/sessions',
  tags: ['Sessions'],
  summary: 'Log out',
  ...roles(...ROLES),
  responses: {
    204: { description: 'Logged out' },
    401: errors[401],
  },
});

const currentUser = createRoute({
  method: 'get',
  path: '/sessions/current',
  tags: ['Sessions'],
  ...roles(...ROLES),
  summary: 'The logged-in user',
  responses: {
    200: json(UserAnswer, 'The user'),
    401: errors[401],
  },
});

export const sessionRoutes = new OpenAPIHono<AppEnv>()
  .openapi(logIn, async (c) => {
    const { email, password } = c.req.valid('json');
    const session = await login(c.get('deps').db, { email, password, address: clientAddress(c) });
    // Strict: the browser never sends the session along with a request another site started.
    setCookie(c, SESSION_COOKIE, session.token, {
      httpOnly: true,
      sameSite: 'Strict',
      path: '/',
      maxAge: SESSION_HOURS * 3600,
      secure: new URL(c.req.url).protocol === 'https:',
    });
    return c.json({ user: session.user }, 200);
  })
  .openapi(logOut, async (c) => {
    const token = getCookie(c, SESSION_COOKIE);
    const { db } = c.get('deps');
    const userId = token ? await logout(db, token) : null;
    if (userId)
      await db.transaction(
        (tx) => appendAudit(tx, { actor: userId, action: 'session.logout', entityType: 'user', entityId: userId }),
        { behavior: 'immediate' },
      );
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.body(null, 204);
  })
  .openapi(currentUser, (c) => {
    return c.json({ user: requireRole(c, ...ROLES) }, 200);
  });
