/** Correcting a patient's phone or email: the new address replaces the old, and its bad-contact mark is cleared. */
import { eq } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { patients } from '../db/schema.js';
import { appendAudit } from '../db/audit.js';
import { NotFoundError } from '../errors.js';

export async function correctContact(
  db: Database,
  actor: string,
  patientId: string,
  correction: { phone?: string | null; email?: string | null },
) {
  const [patient] = await db.select().from(patients).where(eq(patients.id, patientId));
  if (!patient) throw NotFoundError.of('patient', patientId);
  const changes = {
    ...(correction.phone !== undefined ? { phone: correction.phone, phoneProblem: null, phoneProblemAt: null } : {}),
    ...(correction.email !== undefined
      ? { email: correction.email?.toLowerCase() ?? null, emailProblem: null, emailProblemAt: null }
      : {}),
  };
  await db.transaction(
    async (tx) => {
      await tx.update(patients).set(changes).where(eq(patients.id, patientId));
      await appendAudit(tx, {
        actor,
        action: 'patient.contact-corrected',
        entityType: 'patient',
        entityId: patientId,
        data: { corrected: Object.keys(correction) },
      });
    },
    { behavior: 'immediate' },
  );
  const [updated] = await db.select().from(patients).where(eq(patients.id, patientId));
  return {
    phone: updated.phone,
    email: updated.email,
    phoneProblem: updated.phoneProblem,
    phoneProblemAt: updated.phoneProblemAt,
    emailProblem: updated.emailProblem,
    emailProblemAt: updated.emailProblemAt,
  };
}
