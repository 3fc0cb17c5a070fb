/** API errors: a status, a stable code and a sentence that says what is wrong and where; never a stack trace. */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Problem } from '../../schema/problems.js';

export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly problems?: Problem[],
  ) {
    super(message);
  }
}

export const notFound = (what: string, id: string) => new ApiError(404, 'not-found', `No ${what} with id "${id}".`);

export function errorBody(error: ApiError) {
  return {
    error: { code: error.code, message: error.message, ...(error.problems ? { problems: error.problems } : {}) },
  };
}

export function respondError(c: Context, error: unknown) {
  if (error instanceof ApiError) return c.json(errorBody(error), error.status);
  console.error('carepath: unexpected error', error);
  return c.json(
    {
      error: { code: 'internal', message: 'Something went wrong on the server; nothing was changed by this request.' },
    },
    500,
  );
}
