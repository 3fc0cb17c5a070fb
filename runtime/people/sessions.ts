/** Login sessions: opaque tokens in a cookie, stored only as their SHA-256 in the database. */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { sessions, users } from '../db/schema.js';
import { verifyPassword } from './passwords.js';
import type { Role, SessionUser } from './roles.js';

const SESSION_HOURS = 12;

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

function toSessionUser(row: typeof users.$inferSelect): SessionUser {
  return { id: row.id, email: row.email, name: row.name, roles: row.roles as Role[] };
}

/** Checks the password and opens a session; returns the token for the cookie, or null on a wrong email or password. */
export async function login(
  db: Database,
  email: string,
  password: string,
): Promise<{ token: string; user: SessionUser } | null> {
  const [user] = await db.select().from(users).where(eq(users.email, email.trim().toLowerCase()));
  if (!user || !(await verifyPassword(password, user.passwordHash))) return null;
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + SESSION_HOURS * 3600_000).toISOString();
  await db.insert(sessions).values({ id: digest(token), userId: user.id, expiresAt });
  return { token, user: toSessionUser(user) };
}

export async function userForToken(db: Database, token: string): Promise<SessionUser | null> {
  const [row] = await db
    .select({ user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, digest(token)), gt(sessions.expiresAt, new Date().toISOString())));
  return row ? toSessionUser(row.user) : null;
}

export async function logout(db: Database, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, digest(token)));
}
