/** Session middleware and role checks: every route names the roles it admits, checked on the server. */
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { Context } from 'hono';
import { ForbiddenError, UnauthenticatedError, UnavailableError } from '../errors.js';
import { userForToken } from '../people/sessions.js';
import { hasRole, type Role, type SessionUser } from '../people/roles.js';
import type { AppEnv } from './context.js';

export const SESSION_COOKIE = 'carepath_session';

/** Routes reachable without a session. */
const PUBLIC = new Set(['/api/health', '/api/sessions', '/api/openapi.json', '/api/reference']);

export const sessionMiddleware = createMiddleware<AppEnv>(async (c, next) => {
  const publicRoute = PUBLIC.has(c.req.path) && (c.req.path !== '/api/sessions' || c.req.method === 'POST');
  const token = getCookie(c, SESSION_COOKIE);
  const user = token ? await userForToken(c.get('deps').db, token) : null;
  if (user) c.set('user', user);
  else if (!publicRoute && !c.req.path.startsWith('/api/reference/'))
    throw new UnauthenticatedError('not-logged-in', 'Log in first.');
  await next();
});

/** The logged-in user, if they hold one of the roles. */
export function requireRole(c: Context<AppEnv>, ...roles: Role[]): SessionUser {
  const user = c.get('user');
  if (!user) throw new UnauthenticatedError('not-logged-in', 'Log in first.');
  if (!hasRole(user, roles)) throw new ForbiddenError('forbidden', `This needs the role ${roles.join(' or ')}.`);
  return user;
}

export function requireTemporal(c: Context<AppEnv>) {
  const temporal = c.get('deps').temporal();
  if (!temporal)
    throw new UnavailableError(
      'runtime-unavailable',
      'The workflow service (Temporal) is not reachable right now; try again shortly.',
    );
  return temporal;
}
