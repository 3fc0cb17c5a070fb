/** Helpers to describe routes for the OpenAPI document without repeating the same response boilerplate. */
import { z } from '@hono/zod-openapi';

export const Problem = z
  .object({
    code: z.string(),
    pointer: z.string(),
    stepId: z.string().optional(),
    severity: z.enum(['error', 'warning']),
    message: z.string(),
  })
  .openapi('Problem');
export const ErrorBody = z
  .object({ error: z.object({ code: z.string(), message: z.string(), problems: z.array(Problem).optional() }) })
  .openapi('Error');

/** A JSON response described by name; bodies are documented in runtime/api/README.md and typed in the handlers. */
export function ok(description: string) {
  return { content: { 'application/json': { schema: z.any() } }, description };
}

export function body<T extends z.ZodType>(schema: T) {
  return { body: { content: { 'application/json': { schema } }, required: true } };
}

const error = (description: string) => ({ content: { 'application/json': { schema: ErrorBody } }, description });

export const errors = {
  400: error('The request is malformed; the message says what and where'),
  401: error('Not logged in'),
  403: error('The user lacks the role for this action'),
  404: error('Not found'),
  409: error('The action does not fit the current state'),
  422: error('The content has problems to fix first'),
} as const;

export const IdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' } }),
});
