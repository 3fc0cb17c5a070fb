/** Login sessions: opaque tokens in a cookie, stored only as their SHA-256; they end when idle, at an absolute limit, or when the user is disabled. */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { sessions, users } from '../db/schema.js';
import { appendAudit } from '../db/audit.js';
import { UnauthenticatedError } from '../errors.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { assertMayTry, clearFailures, recordFailure, throttleKey } from './login-throttle.js';
import { normalEmail } from './users.js';
import type { Discipline, Role, SessionUser } from './roles.js';

/** A session ends this long after login, however busy. */
export const SESSION_HOURS = 12;
/** …and after this long without a request. */
export const IDLE_MINUTES = 30;
/** Last-seen times are written at most this often, so reads do not each cost a write. */
const TOUCH_SECONDS = 60;

let decoy: Promise<string> | undefined;
const decoyHash = () => (decoy ??= hashPassword(randomBytes(16).toString('hex')));

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

function toSessionUser(row: typeof users.$inferSelect): SessionUser {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    roles: row.roles as Role[],
    ...(row.discipline ? { discipline: row.discipline as Discipline } : {}),
  };
}

/**
 * Checks the password and opens a session. Throttled per account and per client address; every failure is
 * audited (never the password) and answered with the same sentence, so it does not tell which emails exist.
 */
export async function login(
  db: Database,
  input: { email: string; password: string; address: string },
): Promise<{ token: string; user: SessionUser }> {
  const email = normalEmail(input.email);
  const keys = [throttleKey('account', email), throttleKey('address', input.address)];
  const [user] = await db.select().from(users).where(eq(users.email, email));
  const fail = async (reason: string, throttled = false) => {
    const locked = throttled ? false : await recordFailure(db, keys);
    await db.transaction(
      (tx) =>
        appendAudit(tx, {
          actor: user?.id ?? 'anonymous',
          action: 'session.login-failed',
          entityType: 'user',
          entityId: user?.id ?? email,
          data: { email, address: input.address, reason, ...(locked ? { locked: true } : {}) },
        }),
      { behavior: 'immediate' },
    );
  };
  try {
    await assertMayTry(db, keys);
  } catch (error) {
    await fail('throttled', true);
    throw error;
  }
  // An unknown email still costs one scrypt, so response times do not tell which emails exist.
  const stored = user?.passwordHash ?? (await decoyHash());
  if (!(await verifyPassword(input.password, stored)) || !user) {
    await fail(user ? 'wrong-password' : 'unknown-email');
    await assertMayTry(db, keys); // a failure that just reached the lock says so at once
    throw new UnauthenticatedError('wrong-credentials', 'The email or password is not right.');
  }
  if (user.disabledAt) {
    await fail('disabled');
    throw new UnauthenticatedError('account-disabled', 'This account is disabled; ask an admin to enable it.');
  }
  await clearFailures(db, keys[0]);
  const token = randomBytes(32).toString('base64url');
  const now = new Date();
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000).toISOString();
  await db.transaction(
    async (tx) => {
      await tx
        .insert(sessions)
        .values({ id: digest(token), userId: user.id, expiresAt, lastSeenAt: now.toISOString() });
      await appendAudit(tx, {
        actor: user.id,
        action: 'session.login',
        entityType: 'user',
        entityId: user.id,
        data: { address: input.address },
      });
    },
    { behavior: 'immediate' },
  );
  return { token, user: toSessionUser(user) };
}

/** The user behind a session token, or null when the session ended (expired, idle, logged out, user disabled). */
export async function userForToken(db: Database, token: string, now = new Date()): Promise<SessionUser | null> {
  const [row] = await db
    .select({ user: users, lastSeenAt: sessions.lastSeenAt, createdAt: sessions.createdAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, digest(token)), gt(sessions.expiresAt, now.toISOString()), isNull(users.disabledAt)));
  if (!row) return null;
  const lastSeen = Date.parse(row.lastSeenAt ?? row.createdAt);
  if (now.getTime() - lastSeen > IDLE_MINUTES * 60_000) {
    await db.delete(sessions).where(eq(sessions.id, digest(token)));
    return null;
  }
  if (now.getTime() - lastSeen > TOUCH_SECONDS * 1000)
    await db
      .update(sessions)
      .set({ lastSeenAt: now.toISOString() })
      .where(eq(sessions.id, digest(token)));
  return toSessionUser(row.user);
}

/** Ends the session; returns the user it belonged to, for the audit record. */
export async function logout(db: Database, token: string): Promise<string | null> {
  const [row] = await db
    .delete(sessions)
    .where(eq(sessions.id, digest(token)))
    .returning({ userId: sessions.userId });
  return row?.userId ?? null;
}
