/** Sessions: the login form and the logged-in user. */
import { z } from '@hono/zod-openapi';
import { ROLES } from '../../people/roles.js';

export const Login = z
  .object({ email: z.string().min(1).max(320), password: z.string().min(1).max(500) })
  .openapi('Login');

export const User = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    roles: z.array(z.enum(ROLES)),
    discipline: z
      .enum(['medical', 'legal', 'regulatory'])
      .optional()
      .openapi({ description: 'What a compliance reviewer signs for' }),
  })
  .openapi('User');
export type User = z.infer<typeof User>;

export const UserAnswer = z.object({ user: User }).openapi('UserAnswer');
