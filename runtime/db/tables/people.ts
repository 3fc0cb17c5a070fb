/** Staff accounts, their sessions and login throttling. */
import { sqliteTable, text, integer } from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns.js';

export const users = sqliteTable('users', {
  id: text('id').primaryKey(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  /** scrypt hash `scrypt$N$salt$hash`. */
  passwordHash: text('password_hash').notNull(),
  /** JSON array of roles: program-manager, compliance-reviewer, engineer, care-team, admin. */
  roles: text('roles', { mode: 'json' }).$type<string[]>().notNull(),
  /** For compliance reviewers: medical, legal or regulatory; the discipline they sign for. */
  discipline: text('discipline'),
  /** Set when an admin disables the user: no login, and their sessions end. */
  disabledAt: text('disabled_at'),
  createdAt: createdAt(),
});

export const sessions = sqliteTable('sessions', {
  /** SHA-256 of the session token; the token itself lives only in the cookie. */
  id: text('id').primaryKey(),
  userId: text('user_id')
    .notNull()
    .references(() => users.id),
  /** Absolute end of the session. */
  expiresAt: text('expires_at').notNull(),
  /** Last request on the session; an idle session ends after a while. */
  lastSeenAt: text('last_seen_at'),
  createdAt: createdAt(),
});

/** Failed-login counters per account and per client address, for throttling and lock-outs. */
export const loginThrottle = sqliteTable('login_throttle', {
  /** `account:<email>` or `address:<client address>`. */
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  firstFailureAt: text('first_failure_at').notNull(),
  lockedUntil: text('locked_until'),
});
