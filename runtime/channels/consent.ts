/** Consent per patient, channel and purpose, with its source, time and evidence; the newest record for a triple is in force. */
import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../db/client.js';
import { consents } from '../db/schema.js';
import { newId, nowIso } from '../db/ids.js';
import { appendAudit } from '../db/audit.js';

export const ConsentRecord = z.strictObject({
  channel: z.enum(['sms', 'email', 'voice', 'video', 'push']),
  purpose: z.string().trim().min(1, 'must name the consent purpose').max(100),
  status: z.enum(['granted', 'revoked']),
  source: z.string().trim().min(1, 'must say how consent was given (enrollment form, call, portal…)').max(200),
  evidence: z.string().trim().max(1000).optional(),
});
export type ConsentRecord = z.infer<typeof ConsentRecord>;

export async function recordConsent(db: Database, actor: string, patientId: string, record: ConsentRecord) {
  const row = {
    id: newId('cns'),
    patientId,
    ...record,
    evidence: record.evidence ?? null,
    recordedBy: actor,
    recordedAt: nowIso(),
  };
  await db.transaction(
    async (tx) => {
      await tx.insert(consents).values(row);
      await appendAudit(tx, {
        actor,
        action: `consent.${record.status}`,
        entityType: 'patient',
        entityId: patientId,
        data: { channel: record.channel, purpose: record.purpose, source: record.source },
      });
    },
    { behavior: 'immediate' },
  );
  return row;
}

export async function listConsents(db: Database, patientId: string) {
  return db.select().from(consents).where(eq(consents.patientId, patientId)).orderBy(desc(consents.recordedAt));
}

/**
 * Why a send on this channel for this purpose is not allowed, or undefined when it is. A revoked consent always
 * blocks; with `required`, so does having no granted consent on record.
 */
export async function consentRefusal(
  db: Pick<Database, 'select'>,
  patientId: string,
  channel: string,
  purpose: string | undefined,
  required: boolean,
): Promise<string | undefined> {
  if (!purpose) return undefined;
  const [latest] = await db
    .select({ status: consents.status })
    .from(consents)
    .where(and(eq(consents.patientId, patientId), eq(consents.channel, channel), eq(consents.purpose, purpose)))
    .orderBy(desc(consents.recordedAt), desc(consents.id))
    .limit(1);
  if (latest?.status === 'revoked') return `the patient revoked consent to ${channel} for "${purpose}"`;
  if (required && latest?.status !== 'granted') return `the patient has not consented to ${channel} for "${purpose}"`;
  return undefined;
}
