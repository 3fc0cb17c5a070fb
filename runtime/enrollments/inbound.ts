/** An inbound reply: stored first, then routed to the patient's enrollment that is awaiting one, as a Temporal signal. */
import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { enrollments, messages } from '../db/schema.js';
import { newId } from '../db/ids.js';
import { ApiError } from '../api/errors.js';
import type { InboundMessage } from '../../connectors/sdk/connector.js';
import { enrollmentState, signalReply } from '../temporal/client.js';
import type { TemporalAccess } from './enroll.js';

/** Delivers a reply from a known patient. Refused (409, nothing stored) when no enrollment of theirs awaits a reply. */
export async function receiveReply(db: Database, temporal: () => TemporalAccess, patientId: string, connector: string, inbound: InboundMessage) {
  const running = await db.select().from(enrollments).where(and(eq(enrollments.patientId, patientId), eq(enrollments.status, 'running')));
  let target: (typeof running)[number] | undefined;
  const access = running.length > 0 ? temporal() : undefined;
  for (const enrollment of running) {
    const state = await enrollmentState(access!.client, enrollment.workflowId).catch(() => null);
    if (state?.phase.kind === 'awaiting-reply') {
      target = enrollment;
      break;
    }
  }
  if (!target) {
    throw new ApiError(409, 'no-enrollment-awaiting-reply', running.length === 0
      ? 'This patient has no running enrollment, so there is nothing to reply to.'
      : 'None of this patient\'s running enrollments is waiting for a reply right now.');
  }
  const id = newId('msg');
  await db.insert(messages).values({ id, direction: 'inbound', enrollmentId: target.id, patientId, channel: inbound.channel, connector, body: inbound.body, status: 'received', providerMessageId: inbound.providerMessageId ?? null });
  try {
    await signalReply(access!.client, target.workflowId, { text: inbound.body, messageId: id });
  } catch (error) {
    // The reply stays stored (marked undelivered) so it is never lost; the caller learns the workflow did not get it.
    await db.update(messages).set({ status: 'undelivered', error: String((error as Error).message) }).where(eq(messages.id, id));
    throw new ApiError(503, 'runtime-unavailable', 'The reply was saved but could not be passed to the running journey; it is marked undelivered.');
  }
  await db.update(messages).set({ status: 'delivered' }).where(eq(messages.id, id));
  return { message: { id, direction: 'inbound' as const, body: inbound.body, channel: inbound.channel }, enrollmentId: target.id };
}
