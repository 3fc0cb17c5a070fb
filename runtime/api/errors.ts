/** The one place domain errors become HTTP answers: a status per kind, a stable code and a sentence; never a stack trace. */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { DomainError, TooManyRequestsError, type DomainErrorKind } from '../errors.js';
import { requestLog } from '../http-log.js';

/** The HTTP status of each kind of domain error; exhaustive, so a new kind cannot go unmapped. */
export const STATUS_OF_KIND: Record<DomainErrorKind, ContentfulStatusCode> = {
  'invalid-input': 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  // The stored data no longer matches what it is bound to: the request cannot proceed in this state.
  integrity: 409,
  'too-large': 413,
  unprocessable: 422,
  'too-many-requests': 429,
  unavailable: 503,
};

export function errorBody(error: DomainError) {
  return {
    error: { code: error.code, message: error.message, ...(error.problems ? { problems: error.problems } : {}) },
  };
}

export function respondError(c: Context, error: unknown) {
  if (error instanceof DomainError) {
    if (error instanceof TooManyRequestsError && error.retryAfterSeconds !== undefined)
      c.header('retry-after', String(Math.ceil(error.retryAfterSeconds)));
    return c.json(errorBody(error), STATUS_OF_KIND[error.kind]);
  }
  requestLog(c).error({ err: error }, 'unexpected error');
  return c.json(
    {
      error: { code: 'internal', message: 'Something went wrong on the server; nothing was changed by this request.' },
    },
    500,
  );
}
