/** The error answer every route shares: a stable code, a sentence that says what is wrong and where, and the problems when there are several. */
import { z } from '@hono/zod-openapi';

export const Problem = z
  .object({
    code: z.string().openapi({ example: 'graph.unconnected-output' }),
    pointer: z.string().openapi({ description: 'RFC 6901 JSON pointer into the input', example: '/steps/welcome' }),
    stepId: z.string().optional(),
    severity: z.enum(['error', 'warning']),
    message: z.string(),
  })
  .openapi('Problem');
export type Problem = z.infer<typeof Problem>;

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'not-found' }),
      message: z.string().openapi({ example: 'No journey with id "jrn_1".' }),
      problems: z.array(Problem).optional(),
    }),
  })
  .openapi('Error');
export type ErrorBody = z.infer<typeof ErrorBody>;
