/** Users as the admin screen sees and changes them. */
import { z } from '@hono/zod-openapi';
import { DISCIPLINES, ROLES } from '../../people/roles.js';

const Role = z
  .enum(ROLES)
  .openapi({ description: 'program-manager, compliance-reviewer, engineer, care-team or admin' });
const Discipline = z.enum(DISCIPLINES).openapi({ description: 'What a compliance reviewer signs for' });
const Password = z.string().max(500).openapi({ description: 'At least 10 characters; never returned or audited' });

export const UserRecord = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    roles: z.array(Role),
    discipline: Discipline.nullable(),
    disabled: z.boolean(),
    disabledAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('UserRecord');

export const UserRecordAnswer = z.object({ user: UserRecord }).openapi('UserRecordAnswer');
export const UserList = z.object({ users: z.array(UserRecord) }).openapi('UserList');

export const NewUserInput = z
  .object({
    email: z.email().max(320),
    name: z.string().trim().min(1).max(200),
    password: Password,
    roles: z.array(Role).min(1).max(ROLES.length),
    discipline: Discipline.nullish(),
  })
  .openapi('NewUser');

export const UserChangeInput = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    roles: z.array(Role).min(1).max(ROLES.length).optional(),
    discipline: Discipline.nullable().optional(),
    password: Password.optional(),
  })
  .strict()
  .openapi('UserChange');

export const UserStatusInput = z.object({ disabled: z.boolean() }).openapi('UserStatus');
