/** Delivery reports from providers: kept per message, and a final failure marks the contact bad and sends the journey down `failed`. */
import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { deliveryEvents, enrollments, messages } from '../db/schema.js';
import { nowIso } from '../db/ids.js';
import { FAILED_DELIVERY, type DeliveryStatus } from '../../connectors/sdk/connector.js';
import type { TemporalAccess } from '../enrollments/enroll.js';
import { reportDeliveryFailure } from '../temporal/reply-client.js';
import { addressKindOf } from './addresses.js';
import { markContactBad } from './contacts.js';

/** States a later, out-of-order report (a `sent` after `delivered`) must not overwrite. */
const FINAL = new Set(['delivered', 'undelivered', 'failed', 'bounced']);

export interface DeliveryDeps {
  db: Database;
  temporal: () => TemporalAccess | undefined;
}

/** Records one report; `unknown` when no message of this connector has that provider id (nothing is stored). */
export async function recordDeliveryStatus(
  { db, temporal }: DeliveryDeps,
  connectorId: string,
  report: DeliveryStatus,
): Promise<'recorded' | 'unknown'> {
  const [message] = await db
    .select()
    .from(messages)
    .where(
      and(
        eq(messages.connector, connectorId),
        eq(messages.providerMessageId, report.providerMessageId),
        eq(messages.direction, 'outbound'),
      ),
    );
  if (!message) return 'unknown';
  const at = nowIso();
  await db.transaction(
    async (tx) => {
      await tx
        .insert(deliveryEvents)
        .values({ messageId: message.id, status: report.status, error: report.error ?? null, receivedAt: at });
      if (!FINAL.has(message.deliveryStatus ?? '') || FAILED_DELIVERY.has(report.status))
        await tx
          .update(messages)
          .set({ deliveryStatus: report.status, deliveryError: report.error ?? null, deliveryUpdatedAt: at })
          .where(eq(messages.id, message.id));
    },
    { behavior: 'immediate' },
  );
  if (!FAILED_DELIVERY.has(report.status)) return 'recorded';

  const kind = addressKindOf(message.channel);
  const reason = `${message.channel} ${report.status}${report.error ? `: ${report.error}` : ''}`;
  if (kind) await markContactBad(db, message.patientId, kind, reason);
  if (message.enrollmentId && message.stepId && message.visit !== null) {
    const [enrollment] = await db
      .select({ workflowId: enrollments.workflowId, status: enrollments.status })
      .from(enrollments)
      .where(eq(enrollments.id, message.enrollmentId));
    const access = temporal();
    if (enrollment?.status === 'running' && access) {
      await reportDeliveryFailure(access.client, enrollment.workflowId, {
        step: message.stepId,
        visit: message.visit,
        error: reason,
      });
    }
  }
  return 'recorded';
}
