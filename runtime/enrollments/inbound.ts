/** An inbound reply: stored first, then routed to the patient's enrollment that is awaiting one, as a Temporal signal. */
import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { enrollments, messages, patients } from '../db/schema.js';
import { newId } from '../db/ids.js';
import { ConflictError, UnavailableError } from '../errors.js';
import type { InboundMessage } from '../../connectors/sdk/connector.js';
import { enrollmentState, requestExit, signalReply } from '../temporal/client.js';
import { appendAudit } from '../db/audit.js';
import { normalizeReply } from '../../schema/steps/message.js';

/** The carrier keywords that opt a patient out of messages (CTIA); honoured at once, whatever the journey is doing. */
export const STOP_WORDS = new Set(['stop', 'stopall', 'unsubscribe', 'cancel', 'end', 'quit']);
/** The keywords that opt a patient back in. */
export const START_WORDS = new Set(['start', 'unstop', 'yes start']);
import type { TemporalAccess } from './enroll.js';

/** Delivers a reply from a known patient. Refused (409, nothing stored) when no enrollment of theirs awaits a reply. */
export async function receiveReply(
  db: Database,
  temporal: () => TemporalAccess,
  patientId: string,
  connector: string,
  inbound: InboundMessage,
) {
  const running = await db
    .select()
    .from(enrollments)
    .where(and(eq(enrollments.patientId, patientId), eq(enrollments.status, 'running')));
  if (inbound.channel === 'sms' && STOP_WORDS.has(normalizeReply(inbound.body)))
    return optOut(db, temporal, patientId, connector, inbound, running);
  if (inbound.channel === 'sms' && START_WORDS.has(normalizeReply(inbound.body)))
    return optIn(db, patientId, connector, inbound);
  let target: (typeof running)[number] | undefined;
  const access = running.length > 0 ? temporal() : undefined;
  // The patient answers the message they got last: try the enrollment with the newest outbound message first.
  const lastSent = new Map<string, string>();
  for (const row of await db
    .select({ enrollmentId: messages.enrollmentId, createdAt: messages.createdAt })
    .from(messages)
    .where(and(eq(messages.patientId, patientId), eq(messages.direction, 'outbound')))) {
    if (row.enrollmentId && (lastSent.get(row.enrollmentId) ?? '') < row.createdAt)
      lastSent.set(row.enrollmentId, row.createdAt);
  }
  running.sort((a, b) => (lastSent.get(b.id) ?? '').localeCompare(lastSent.get(a.id) ?? ''));
  for (const enrollment of running) {
    const state = await enrollmentState(access!.client, enrollment.workflowId).catch(() => null);
    const phase = state?.phase;
    // A message awaiting a reply, or an assessment asking its questions by SMS (a web-form assessment takes no texts).
    if (phase?.kind === 'awaiting-reply' || (phase?.kind === 'assessing' && phase.question !== undefined)) {
      target = enrollment;
      break;
    }
  }
  if (!target) {
    throw new ConflictError(
      'no-enrollment-awaiting-reply',
      running.length === 0
        ? 'This patient has no running enrollment, so there is nothing to reply to.'
        : "None of this patient's running enrollments is waiting for a reply right now.",
    );
  }
  const id = newId('msg');
  await db.insert(messages).values({
    id,
    direction: 'inbound',
    enrollmentId: target.id,
    patientId,
    channel: inbound.channel,
    connector,
    body: inbound.body,
    status: 'received',
    providerMessageId: inbound.providerMessageId ?? null,
  });
  try {
    await signalReply(access!.client, target.workflowId, { text: inbound.body, messageId: id });
  } catch (error) {
    // The reply stays stored (marked undelivered) so it is never lost; the caller learns the workflow did not get it.
    await db
      .update(messages)
      .set({ status: 'undelivered', error: String((error as Error).message) })
      .where(eq(messages.id, id));
    throw new UnavailableError(
      'runtime-unavailable',
      'The reply was saved but could not be passed to the running journey; it is marked undelivered.',
    );
  }
  await db.update(messages).set({ status: 'delivered' }).where(eq(messages.id, id));
  return {
    message: { id, direction: 'inbound' as const, body: inbound.body, channel: inbound.channel },
    enrollmentId: target.id,
  };
}

/** STOP: the message is kept, the opt-out audited, and every running enrollment of the patient ends now. */
async function optOut(
  db: Database,
  temporal: () => TemporalAccess,
  patientId: string,
  connector: string,
  inbound: InboundMessage,
  running: Array<typeof enrollments.$inferSelect>,
) {
  const id = newId('msg');
  await db.transaction(
    async (tx) => {
      await tx.insert(messages).values({
        id,
        direction: 'inbound',
        patientId,
        channel: inbound.channel,
        connector,
        body: inbound.body,
        status: 'received',
        providerMessageId: inbound.providerMessageId ?? null,
      });
      // Kept on the patient, so no later send or enrollment on this channel reaches them until they text START.
      const [patient] = await tx
        .select({ channels: patients.optedOutChannels })
        .from(patients)
        .where(eq(patients.id, patientId));
      await tx
        .update(patients)
        .set({ optedOutChannels: [...new Set([...(patient?.channels ?? []), inbound.channel])] })
        .where(eq(patients.id, patientId));
      await appendAudit(tx, {
        actor: `patient:${patientId}`,
        action: 'consent.opted-out',
        entityType: 'patient',
        entityId: patientId,
        data: {
          channel: inbound.channel,
          keyword: normalizeReply(inbound.body),
          enrollments: running.map((e) => e.id),
        },
      });
    },
    { behavior: 'immediate' },
  );
  const failures: string[] = [];
  if (running.length > 0) {
    const access = temporal();
    for (const enrollment of running) {
      await requestExit(access.client, enrollment.workflowId, 'opted out (STOP)').catch(() =>
        failures.push(enrollment.id),
      );
    }
  }
  if (failures.length > 0) {
    await db
      .update(messages)
      .set({ status: 'undelivered', error: `exit not delivered to ${failures.join(', ')}` })
      .where(eq(messages.id, id));
    throw new UnavailableError(
      'runtime-unavailable',
      'The opt-out was recorded, but some journeys could not be stopped yet; they are marked for follow-up.',
    );
  }
  await db.update(messages).set({ status: 'delivered' }).where(eq(messages.id, id));
  return {
    message: { id, direction: 'inbound' as const, body: inbound.body, channel: inbound.channel },
    optedOut: true,
    enrollmentIds: running.map((e) => e.id),
  };
}

/** START: the patient opts back in to the channel; journeys already ended stay ended. */
async function optIn(db: Database, patientId: string, connector: string, inbound: InboundMessage) {
  const id = newId('msg');
  await db.transaction(
    async (tx) => {
      await tx.insert(messages).values({
        id,
        direction: 'inbound',
        patientId,
        channel: inbound.channel,
        connector,
        body: inbound.body,
        status: 'delivered',
        providerMessageId: inbound.providerMessageId ?? null,
      });
      const [patient] = await tx
        .select({ channels: patients.optedOutChannels })
        .from(patients)
        .where(eq(patients.id, patientId));
      await tx
        .update(patients)
        .set({ optedOutChannels: (patient?.channels ?? []).filter((c) => c !== inbound.channel) })
        .where(eq(patients.id, patientId));
      await appendAudit(tx, {
        actor: `patient:${patientId}`,
        action: 'consent.opted-in',
        entityType: 'patient',
        entityId: patientId,
        data: { channel: inbound.channel },
      });
    },
    { behavior: 'immediate' },
  );
  return {
    message: { id, direction: 'inbound' as const, body: inbound.body, channel: inbound.channel },
    optedIn: true,
  };
}
