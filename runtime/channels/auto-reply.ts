/** Answers Carepath sends on its own to an inbound message (HELP, "not understood"): recorded like any outbound message, sent once. */
import { eq } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { messages } from '../db/schema.js';
import { newId } from '../db/ids.js';
import type { ChannelName, ConnectorRegistry } from '../../connectors/sdk/index.js';

export interface AutoReply {
  connectorId: string;
  channel: ChannelName;
  to: string;
  body: string;
  patientId: string;
  enrollmentId?: string;
  /** The inbound message this answers: a provider retrying its webhook gets no second answer. */
  inReplyTo: string;
}

/** Sends the answer; a provider failure is recorded on the row and never fails the webhook that caused it. */
export async function sendAutoReply(
  { db, connectors }: { db: Database; connectors: ConnectorRegistry },
  reply: AutoReply,
): Promise<string | undefined> {
  const entry = await connectors.find(reply.connectorId);
  if (!entry) return undefined;
  const idempotencyKey = `reply:${reply.inReplyTo}`;
  const id = newId('msg');
  const inserted = await db
    .insert(messages)
    .values({
      id,
      direction: 'outbound',
      enrollmentId: reply.enrollmentId ?? null,
      patientId: reply.patientId,
      channel: reply.channel,
      connector: reply.connectorId,
      idempotencyKey,
      body: reply.body,
      status: 'queued',
    })
    .onConflictDoNothing({ target: messages.idempotencyKey })
    .returning({ id: messages.id });
  if (inserted.length === 0) return undefined;
  try {
    const { providerMessageId } = await entry.connector.send(
      { idempotencyKey, channel: reply.channel, to: reply.to, body: reply.body },
      entry.settings,
    );
    await db.update(messages).set({ status: 'sent', providerMessageId }).where(eq(messages.id, id));
  } catch (error) {
    await db
      .update(messages)
      .set({ status: 'failed', error: (error as Error).message })
      .where(eq(messages.id, id));
  }
  return id;
}
