/** Session middleware, cross-site request protection and role checks: every route names the roles it admits, checked on the server. */
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { ForbiddenError, UnauthenticatedError, UnavailableError } from '../errors.js';
import { userForToken } from '../people/sessions.js';
import { hasRole, type Role, type SessionUser } from '../people/roles.js';
import type { AppEnv } from './context.js';

export const SESSION_COOKIE = 'carepath_session';

/** Routes reachable without a session. */
const PUBLIC = new Set([
  '/api/health',
  '/api/health/live',
  '/api/health/ready',
  '/api/sessions',
  '/api/openapi.json',
  '/api/reference',
]);

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses a state-changing request a browser sent from another site. The session cookie is SameSite=Strict
 * already; this is the second wall, for browsers or set-ups where that is not enough. Browsers say where a
 * request comes from (`Sec-Fetch-Site`, else `Origin`); a request with neither is not from a browser page
 * (curl, a provider's webhook, a test) and carries no ambient cookie to abuse. The Temporal Web UI's codec
 * calls come from its configured origins and are let through.
 */
function assertSameOrigin(c: Context<AppEnv>): void {
  if (SAFE_METHODS.has(c.req.method)) return;
  const origin = c.req.header('origin');
  const fetchSite = c.req.header('sec-fetch-site');
  const trusted = !!origin && (c.get('deps').payloadCodec?.uiOrigins.includes(origin) ?? false);
  if (trusted) return;
  if (fetchSite !== undefined) {
    if (fetchSite === 'same-origin' || fetchSite === 'none') return;
  } else if (origin === undefined || origin === new URL(c.req.url).origin) return;
  throw new ForbiddenError(
    'cross-site-request',
    'This request came from another site; changes are accepted only from the Carepath designer itself.',
  );
}

export const sessionMiddleware = createMiddleware<AppEnv>(async (c, next) => {
  assertSameOrigin(c);
  const publicRoute = PUBLIC.has(c.req.path) && (c.req.path !== '/api/sessions' || c.req.method === 'POST');
  const token = getCookie(c, SESSION_COOKIE);
  const user = token ? await userForToken(c.get('deps').db, token) : null;
  if (user) c.set('user', user);
  else if (!publicRoute && !c.req.path.startsWith('/api/reference/'))
    throw new UnauthenticatedError(
      token ? 'session-ended' : 'not-logged-in',
      token
        ? 'Your session has ended (idle too long, expired, or the account changed); log in again.'
        : 'Log in first.',
    );
  await next();
});

/** The logged-in user, if they hold one of the roles. */
export function requireRole(c: Context<AppEnv>, ...roles: Role[]): SessionUser {
  const user = c.get('user');
  if (!user) throw new UnauthenticatedError('not-logged-in', 'Log in first.');
  if (!hasRole(user, roles)) throw new ForbiddenError('forbidden', `This needs the role ${roles.join(' or ')}.`);
  return user;
}

/**
 * A route's roles, spread into `createRoute`: listed in the OpenAPI document as `x-roles`, and checked before
 * the request is validated, so a user without the role hears 403 whatever they sent.
 */
export function roles(...allowed: Role[]) {
  const check = createMiddleware<AppEnv>(async (c, next) => {
    requireRole(c, ...allowed);
    await next();
  });
  return { 'x-roles': allowed, middleware: [check] };
}

/** The client's address as the socket saw it ("unknown" in-process); login throttling counts failures per address. */
export function clientAddress(c: Context<AppEnv>): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
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
