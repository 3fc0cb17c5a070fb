/** Request logging for Carepath's HTTP apps: a request id (taken from a well-formed `x-request-id` or made), echoed back, and one line per request. */
import type { Context, MiddlewareHandler } from 'hono';
import { requestId } from 'hono/request-id';
import type { Logger } from 'pino';
import { log } from './log.js';

/** A personal form link carries a bearer token in its path: the log keeps the route, not the token. */
function loggedPath(path: string): string {
  return path.replace(/^\/forms\/[^/]+/, '/forms/[token]');
}

/** The logger for this request: every line it writes carries the request id. */
export function requestLog(c: Context): Logger {
  const reqId = c.get('requestId');
  return reqId ? log.child({ reqId }) : log;
}

const assignRequestId = requestId({ limitLength: 64 });

/** Method, path without its query string (which may carry search terms), status, duration and the user's id; never bodies. */
const logRequest: MiddlewareHandler = async (c, next) => {
  const began = performance.now();
  try {
    await next();
  } finally {
    const status = c.res.status;
    const user = (c.var as { user?: { id?: string } }).user;
    requestLog(c)[status >= 500 ? 'error' : 'info'](
      {
        method: c.req.method,
        path: loggedPath(c.req.path),
        status,
        ms: Math.round((performance.now() - began) * 10) / 10,
        ...(user?.id ? { userId: user.id } : {}),
      },
      'request',
    );
  }
};

/** Both middlewares, in order: `app.use('*', ...requestLogging)`, first of all, so the line covers every other one. */
export const requestLogging = [assignRequestId, logRequest] as const;
