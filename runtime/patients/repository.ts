/** Patients: contact details and time zone live here, never in workflow input. */
import { desc, eq, or } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../db/client.js';
import { patients } from '../db/schema.js';
import { newId } from '../db/ids.js';
import { appendAudit } from '../db/audit.js';
import { NotFoundError } from '../errors.js';

/** A valid IANA zone name, checked with the runtime's own time-zone database. */
const TimeZone = z
  .string()
  .min(1)
  .max(64)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'must be an IANA time zone such as America/New_York');

export const NewPatient = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty').max(200),
  phone: z
    .string()
    .trim()
    .regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 phone number such as +15551234567')
    .optional(),
  email: z.string().trim().email('must be an email address').max(320).optional(),
  timeZone: TimeZone,
  attributes: z
    .record(z.string().max(64), z.union([z.string().max(1000), z.number(), z.boolean(), z.null()]))
    .default({}),
  /** A test patient, enrolled from the designer's test run: the development channel may reply on their behalf. */
  test: z.boolean().default(false),
});
export type NewPatient = z.infer<typeof NewPatient>;

export type PatientRow = typeof patients.$inferSelect;

export function patientView(row: PatientRow) {
  return {
    id: row.id,
    name: row.name,
    phone: row.phone ?? undefined,
    email: row.email ?? undefined,
    timeZone: row.timeZone,
    attributes: row.attributes,
    test: row.test,
    createdAt: row.createdAt,
  };
}

export async function createPatient(db: Database, actor: string, input: NewPatient) {
  const id = newId('pat');
  await db.transaction(
    async (tx) => {
      await tx.insert(patients).values({
        id,
        name: input.name,
        phone: input.phone ?? null,
        email: input.email?.toLowerCase() ?? null,
        timeZone: input.timeZone,
        attributes: input.attributes,
        test: input.test,
      });
      await appendAudit(tx, {
        actor,
        action: 'patient.created',
        entityType: 'patient',
        entityId: id,
        ...(input.test ? { data: { test: true } } : {}),
      });
    },
    { behavior: 'immediate' },
  );
  return getPatient(db, id);
}

export async function getPatient(db: Database, id: string) {
  const [row] = await db.select().from(patients).where(eq(patients.id, id));
  if (!row) throw NotFoundError.of('patient', id);
  return patientView(row);
}

export async function listPatients(db: Database) {
  return (await db.select().from(patients).orderBy(desc(patients.createdAt)).limit(500)).map(patientView);
}

/** The patient an inbound message came from, by phone number or email address. */
export async function patientByAddress(db: Database, address: string) {
  const [row] = await db
    .select()
    .from(patients)
    .where(or(eq(patients.phone, address), eq(patients.email, address.toLowerCase())));
  return row ? patientView(row) : undefined;
}
