/** Login throttling per account and per client address: a burst of wrong passwords slows down, then locks for a while. */
import { and, eq, inArray, isNull, lt, or } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { loginThrottle } from '../db/schema.js';
import { TooManyRequestsError } from '../errors.js';

interface Policy {
  /** Failures allowed at full speed. */
  free: number;
  /** Failures after which the key locks for `lockMinutes`. */
  lockAfter: number;
}

/** An address may front several people (an office behind NAT), so it gets more room than one account. */
const POLICIES = { account: { free: 3, lockAfter: 6 }, address: { free: 12, lockAfter: 24 } } satisfies Record<
  string,
  Policy
>;
/** Failures older than this no longer count. */
const WINDOW_MINUTES = 15;
export const LOCK_MINUTES = 15;

export type ThrottleKind = keyof typeof POLICIES;
export const throttleKey = (kind: ThrottleKind, value: string) => `${kind}:${value.toLowerCase()}`;

/** Refuses the attempt before the password is even checked when either key is waiting or locked. */
export async function assertMayTry(db: Database, keys: string[], now = new Date()): Promise<void> {
  const rows = await db.select().from(loginThrottle).where(inArray(loginThrottle.key, keys));
  const waits = rows
    .filter((row) => row.lockedUntil && Date.parse(row.lockedUntil) > now.getTime())
    .map((row) => ({ row, seconds: Math.ceil((Date.parse(row.lockedUntil!) - now.getTime()) / 1000) }));
  if (!waits.length) return;
  const longest = waits.reduce((a, b) => (b.seconds > a.seconds ? b : a));
  const kind = longest.row.key.startsWith('account:') ? 'account' : 'address';
  const locked = longest.row.failures >= POLICIES[kind].lockAfter;
  throw new TooManyRequestsError(
    locked ? 'login-locked' : 'login-slowed',
    locked
      ? `Too many wrong passwords: ${kind === 'account' ? 'this account' : 'logins from this address'} ` +
          `${kind === 'account' ? 'is' : 'are'} locked for ${Math.ceil(longest.seconds / 60)} more minute(s).`
      : `Too many wrong passwords in a row; wait ${longest.seconds} second(s) before trying again.`,
    longest.seconds,
  );
}

/** Counts one failure on each key; returns whether any of them is now locked. */
export async function recordFailure(db: Database, keys: string[], now = new Date()): Promise<boolean> {
  let locked = false;
  await db.transaction(
    async (tx) => {
      // Counters that can no longer slow or lock anyone go, so guessing at made-up emails cannot grow the table.
      const stale = new Date(now.getTime() - WINDOW_MINUTES * 60_000).toISOString();
      await tx
        .delete(loginThrottle)
        .where(
          and(
            lt(loginThrottle.firstFailureAt, stale),
            or(isNull(loginThrottle.lockedUntil), lt(loginThrottle.lockedUntil, now.toISOString())),
          ),
        );
      for (const key of keys) {
        const policy = POLICIES[key.startsWith('account:') ? 'account' : 'address'];
        const [row] = await tx.select().from(loginThrottle).where(eq(loginThrottle.key, key));
        const fresh = !row || now.getTime() - Date.parse(row.firstFailureAt) > WINDOW_MINUTES * 60_000;
        const failures = fresh ? 1 : row.failures + 1;
        let waitSeconds = 0;
        if (failures >= policy.lockAfter) {
          waitSeconds = LOCK_MINUTES * 60;
          locked = true;
        } else if (failures > policy.free) waitSeconds = 2 ** (failures - policy.free); // 2 s, 4 s, 8 s…
        const values = {
          failures,
          firstFailureAt: fresh ? now.toISOString() : row.firstFailureAt,
          lockedUntil: waitSeconds ? new Date(now.getTime() + waitSeconds * 1000).toISOString() : null,
        };
        await tx
          .insert(loginThrottle)
          .values({ key, ...values })
          .onConflictDoUpdate({ target: loginThrottle.key, set: values });
      }
    },
    { behavior: 'immediate' },
  );
  return locked;
}

/** A successful login clears its account's count; the address keeps its count, so one good account cannot reset it. */
export async function clearFailures(db: Database, key: string): Promise<void> {
  await db.delete(loginThrottle).where(eq(loginThrottle.key, key));
}
