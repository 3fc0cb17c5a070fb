/** Users: creating them (the local login, the admin screen, `carepath users add`) and reading them for the admin screen. */
import { asc, eq } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { users } from '../db/schema.js';
import { newId } from '../db/ids.js';
import { appendAudit } from '../db/audit.js';
import { ConflictError, NotFoundError } from '../errors.js';
import { hashPassword } from './passwords.js';
import { checkRoles, checkPassword } from './user-rules.js';
import type { Discipline, Role } from './roles.js';

export interface UserView {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  discipline: Discipline | null;
  disabled: boolean;
  disabledAt: string | null;
  createdAt: string;
}

export interface NewUser {
  email: string;
  name: string;
  password: string;
  roles: Role[];
  discipline?: Discipline | null;
}

export function toUserView(row: typeof users.$inferSelect): UserView {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    roles: row.roles as Role[],
    discipline: (row.discipline as Discipline | null) ?? null,
    disabled: row.disabledAt !== null,
    disabledAt: row.disabledAt,
    createdAt: row.createdAt,
  };
}

export const normalEmail = (email: string) => email.trim().toLowerCase();

/** Creates the user if the email is new; returns the id either way (the local login and test fixtures). */
export async function ensureUser(db: Database, input: NewUser): Promise<string> {
  const email = normalEmail(input.email);
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (existing) return existing.id;
  const id = newId('usr');
  await db.insert(users).values({
    id,
    email,
    name: input.name,
    passwordHash: await hashPassword(input.password),
    roles: input.roles,
    discipline: input.discipline ?? null,
  });
  return id;
}

/** An admin (or the command line) creates a user; refused when the email is taken; recorded in the audit trail without the password. */
export async function createUser(db: Database, actor: string, input: NewUser): Promise<UserView> {
  const email = normalEmail(input.email);
  const discipline = checkRoles(input.roles, input.discipline ?? null);
  checkPassword(input.password);
  const passwordHash = await hashPassword(input.password);
  const id = newId('usr');
  await db.transaction(
    async (tx) => {
      const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
      if (taken) throw new ConflictError('email-taken', `A user with the email ${email} already exists.`);
      await tx
        .insert(users)
        .values({ id, email, name: input.name.trim(), passwordHash, roles: input.roles, discipline });
      await appendAudit(tx, {
        actor,
        action: 'user.created',
        entityType: 'user',
        entityId: id,
        data: { email, name: input.name.trim(), roles: input.roles, discipline },
      });
    },
    { behavior: 'immediate' },
  );
  return getUser(db, id);
}

export async function getUser(db: Pick<Database, 'select'>, id: string): Promise<UserView> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  if (!row) throw NotFoundError.of('user', id);
  return toUserView(row);
}

export async function listUsers(db: Database): Promise<UserView[]> {
  return (await db.select().from(users).orderBy(asc(users.email))).map(toUserView);
}
