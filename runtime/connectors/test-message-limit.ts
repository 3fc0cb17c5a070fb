/** How many test messages one person may send through connectors in a while: enough to set one up, too few to spam anybody. */
import { and, asc, eq, gte } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { auditTrail } from '../db/schema.js';
import { TooManyRequestsError } from '../errors.js';

export const TEST_MESSAGES_PER_WINDOW = 10;
export const TEST_MESSAGE_WINDOW_MINUTES = 10;

/**
 * Counted from the audit trail, where every test message is recorded anyway (`connector.test-sent`), so the limit
 * holds across every process of a deployment and across restarts. Refused before anything reaches the provider.
 */
export async function assertMaySendTestMessage(db: Database, actor: string, now = new Date()): Promise<void> {
  const windowMs = TEST_MESSAGE_WINDOW_MINUTES * 60_000;
  const recent = await db
    .select({ at: auditTrail.at })
    .from(auditTrail)
    .where(
      and(
        eq(auditTrail.action, 'connector.test-sent'),
        eq(auditTrail.actor, actor),
        gte(auditTrail.at, new Date(now.getTime() - windowMs).toISOString()),
      ),
    )
    .orderBy(asc(auditTrail.at))
    .limit(TEST_MESSAGES_PER_WINDOW);
  if (recent.length < TEST_MESSAGES_PER_WINDOW) return;
  const seconds = Math.max(1, Math.ceil((Date.parse(recent[0]!.at) + windowMs - now.getTime()) / 1000));
  throw new TooManyRequestsError(
    'test-messages-limited',
    `You sent ${TEST_MESSAGES_PER_WINDOW} test messages in the last ${TEST_MESSAGE_WINDOW_MINUTES} minutes; ` +
      `wait ${seconds} second(s) before sending another.`,
    seconds,
  );
}
