/** Bad contact data: a phone number or email address the provider could not deliver to, marked on the patient with reason and time. */
import { eq } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { patients } from '../db/schema.js';
import { nowIso } from '../db/ids.js';
import { appendAudit } from '../db/audit.js';
import type { AddressKind } from './addresses.js';

type PatientRow = typeof patients.$inferSelect;

/** Why a patient's address for this kind is known to be bad, if it is; sends on it go straight to `failed` until corrected. */
export function contactProblem(patient: PatientRow, kind: AddressKind): { reason: string; since: string } | undefined {
  const reason = kind === 'phone' ? patient.phoneProblem : patient.emailProblem;
  const since = kind === 'phone' ? patient.phoneProblemAt : patient.emailProblemAt;
  return reason ? { reason, since: since ?? '' } : undefined;
}

/** Marks the address bad (first reason kept until corrected) and audits it; the reason may quote the provider, never a person. */
export async function markContactBad(
  db: Database,
  patientId: string,
  kind: AddressKind,
  reason: string,
): Promise<void> {
  const at = nowIso();
  await db.transaction(
    async (tx) => {
      const [patient] = await tx.select().from(patients).where(eq(patients.id, patientId));
      if (!patient || contactProblem(patient, kind)) return;
      await tx
        .update(patients)
        .set(
          kind === 'phone'
            ? { phoneProblem: reason, phoneProblemAt: at }
            : { emailProblem: reason, emailProblemAt: at },
        )
        .where(eq(patients.id, patientId));
      await appendAudit(tx, {
        actor: 'system',
        action: 'patient.contact-marked-bad',
        entityType: 'patient',
        entityId: patientId,
        data: { kind, reason },
      });
    },
    { behavior: 'immediate' },
  );
}
