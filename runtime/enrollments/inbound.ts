/** An inbound reply: stored first, then routed to the patient's enrollment that is awaiting one, as a Temporal signal. */
import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { enrollments, messages } from '../db/schema.js';
import { newId } from '../db/ids.js';
import { ApiError } from '../api/errors.js';
import type { InboundMessage } from '../../connectors/sdk/connector.js';
import { enrollmentState, requestExit, signalReply } from '../temporal/client.js';
import { appendAudit } from '../db/audit.js';
import { normalizeReply } from '../../schema/steps/message.js';

/** The carrier keywords that opt a patient out of messages (CTIA); honoured at once, whatever the journey is doing. */
export const STOP_WORDS = new Set(['stop', 'stopall', 'unsubscribe', 'cancel', 'end', 'quit']);
import type { TemporalAccess } from './enroll.js';

/** Delivers a reply from a known patient. Refused (409, nothing stored) when no enrollment of theirs awaits a reply. */
export async function receiveReply(db: Database, temporal: () => TemporalAccess, patientId: string, connector: string, inbound: InboundMessage) {
  const running = await db.select().from(enrollments).where(and(eq(enrollments.patientId, patientId), eq(enrollments.status, 'running')));
  if (inbound.channel === 'sms' && STOP_WORDS.has(normalizeReply(inbound.body))) return optOut(db, temporal, patientId, connector, inbound, running);
  let target: (typeof running)[number] | undefined;
  const access = running.length > 0 ? temporal() : undefined;
  for (const enrollment of running) {
    const state = await enrollmentState(access!.client, enrollment.workflowId).catch(() => null);
    // A message awaiting a reply, or an assessment asking its questions by SMS.
    if (state?.phase.kind === 'awaiting-reply' || state?.phase.kind === 'assessing') {
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

/** STOP: the message is kept, the opt-out audited, and every running enrollment of the patient ends now. */
async function optOut(db: Database, temporal: () => TemporalAccess, patientId: string, connector: string, inbound: InboundMessage, running: Array<typeof enrollments.$inferSelect>) {
  const id = newId('msg');
  await db.transaction(async (tx) => {
    await tx.insert(messages).values({ id, direction: 'inbound', patientId, channel: inbound.channel, connector, body: inbound.body, status: 'received', providerMessageId: inbound.providerMessageId ?? null });
    await appendAudit(tx, { actor: `patient:${patientId}`, action: 'consent.opted-out', entityType: 'patient', entityId: patientId, data: { channel: inbound.channel, keyword: normalizeReply(inbound.body), enrollments: running.map((e) => e.id) } });
  }, { behavior: 'immediate' });
  const failures: string[] = [];
  if (running.length > 0) {
    const access = temporal();
    for (const enrollment of running) {
      await requestExit(access.client, enrollment.workflowId, 'opted out (STOP)').catch(() => failures.push(enrollment.id));
    }
  }
  if (failures.length > 0) {
    await db.update(messages).set({ status: 'undelivered', error: `exit not delivered to ${failures.join(', ')}` }).where(eq(messages.id, id));
    throw new ApiError(503, 'runtime-unavailable', 'The opt-out was recorded, but some journeys could not be stopped yet; they are marked for follow-up.');
  }
  await db.update(messages).set({ status: 'delivered' }).where(eq(messages.id, id));
  return { message: { id, direction: 'inbound' as const, body: inbound.body, channel: inbound.channel }, optedOut: true, enrollmentIds: running.map((e) => e.id) };
}
