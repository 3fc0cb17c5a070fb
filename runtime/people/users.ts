/** Creating users (the local login on first start, and test fixtures). */
import { eq } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { users } from '../db/schema.js';
import { newId } from '../db/ids.js';
import { hashPassword } from './passwords.js';
import type { Role } from './roles.js';

export async function ensureUser(
  db: Database,
  input: { email: string; name: string; password: string; roles: Role[] },
): Promise<string> {
  const email = input.email.trim().toLowerCase();
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (existing) return existing.id;
  const id = newId('usr');
  await db
    .insert(users)
    .values({ id, email, name: input.name, passwordHash: await hashPassword(input.password), roles: input.roles });
  return id;
}
