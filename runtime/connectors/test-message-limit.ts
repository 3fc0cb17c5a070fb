/** How many test messages one person may send through connectors in a while: enough to set one up, too few to spam anybody. */
import { and, asc, eq, gte } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { auditTrail } from '../db/schema.js';
import { appendAudit } from '../db/audit.js';
import { TooManyRequestsError } from '../errors.js';

export const TEST_MESSAGES_PER_WINDOW = 10;
export const TEST_MESSAGE_WINDOW_MINUTES = 10;
const REQUESTED = 'connector.test-requested';

/**
 * Takes one of the person's test messages, or refuses with when to try again. Counted from the audit trail, where the
 * request is recorded in the same immediate transaction as the count, so the limit holds across requests sent at once,
 * every process of a deployment and restarts. Refused before anything reaches the provider.
 */
export async function reserveTestMessage(db: Database, actor: string, connectorId: string, now = new Date()) {
  const windowMs = TEST_MESSAGE_WINDOW_MINUTES * 60_000;
  await db.transaction(
    async (tx) => {
      const recent = await tx
        .select({ at: auditTrail.at })
        .from(auditTrail)
        .where(
          and(
            eq(auditTrail.action, REQUESTED),
            eq(auditTrail.actor, actor),
            gte(auditTrail.at, new Date(now.getTime() - windowMs).toISOString()),
          ),
        )
        .orderBy(asc(auditTrail.at))
        .limit(TEST_MESSAGES_PER_WINDOW);
      if (recent.length >= TEST_MESSAGES_PER_WINDOW) {
        const seconds = Math.max(1, Math.ceil((Date.parse(recent[0]!.at) + windowMs - now.getTime()) / 1000));
        throw new TooManyRequestsError(
          'test-messages-limited',
          `You sent ${TEST_MESSAGES_PER_WINDOW} test messages in the last ${TEST_MESSAGE_WINDOW_MINUTES} minutes; ` +
            `wait ${seconds} second(s) before sending another.`,
          seconds,
        );
      }
      await appendAudit(tx, { actor, action: REQUESTED, entityType: 'connector-instance', entityId: connectorId });
    },
    { behavior: 'immediate' },
  );
}
