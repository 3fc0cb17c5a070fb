/** Helpers to describe routes for the OpenAPI document: a JSON body or answer with its schema, and the error answers. */
import { z } from '@hono/zod-openapi';
import { ErrorBody } from './schemas/error.js';

export { ErrorBody, Problem } from './schemas/error.js';

/** A JSON answer with the schema of its body; the handler's `c.json(…)` is type-checked against it. */
export function json<T extends z.ZodType>(schema: T, description: string) {
  return { content: { 'application/json': { schema } }, description };
}

/** A required JSON request body. */
export function body<T extends z.ZodType>(schema: T) {
  return { body: { content: { 'application/json': { schema } }, required: true } };
}

const error = (description: string) => json(ErrorBody, description);

/** Every error answer the API gives, with the shared error body. */
export const errors = {
  400: error('The request is malformed; the message says what and where'),
  401: error('Not logged in, or the credentials are wrong'),
  403: error('The user lacks the role for this action, or a rule forbids it'),
  404: error('Not found'),
  409: error('The action does not fit the current state'),
  413: error('The request body is larger than the limit'),
  415: error('The request body is not JSON'),
  422: error('The content has problems to fix first'),
  429: error('Too many attempts; try again later'),
  503: error('A service this action needs (Temporal) is not reachable; try again shortly'),
} as const;

/** What any route behind a session can answer: nobody logged in, or a role that does not admit the user. */
export const sessionErrors = { 401: errors[401], 403: errors[403] } as const;

/** What a route that finds something by the id in its path can answer besides its own: a malformed id, the session, not found. */
export const lookupErrors = { 400: errors[400], ...sessionErrors, 404: errors[404] } as const;

/** What any route that reads a JSON body can answer: malformed or invalid, too large, not JSON. */
export const bodyErrors = { 400: errors[400], 413: errors[413], 415: errors[415] } as const;

export const IdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' } }),
});
