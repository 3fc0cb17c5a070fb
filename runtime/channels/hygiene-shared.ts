/** Shared contacts: two patient records with the same phone number (E.164) or email address (lower-cased), flagged because a STOP, a bounce or a reply on it concerns both. */
import { and, count, eq, gt, inArray, isNotNull, ne } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { patients } from '../db/schema.js';
import type { AddressKind } from './addresses.js';
import type { patientDetail } from '../patients/detail.js';

/** Another patient record that carries the same address. */
export interface SharingPatient {
  id: string;
  name: string;
}

/** Addresses held by more than one patient record, each with every record that holds it. */
export type SharedAddresses = Map<string, SharingPatient[]>;

const column = (kind: AddressKind) => (kind === 'phone' ? patients.phone : patients.email);

/**
 * Every address of this kind on two or more patient records. Test patients (made up in the designer's test run,
 * often with a placeholder number) are left out: they are not a program's contact data. Addresses are stored in
 * their canonical form on every write path, so equal text is the same address.
 */
export async function sharedAddresses(db: Pick<Database, 'select'>, kind: AddressKind): Promise<SharedAddresses> {
  const address = column(kind);
  const repeated = db
    .select({ address })
    .from(patients)
    .where(and(isNotNull(address), eq(patients.test, false)))
    .groupBy(address)
    .having(gt(count(address), 1));
  const holders = await db
    .select({ id: patients.id, name: patients.name, address })
    .from(patients)
    .where(and(eq(patients.test, false), inArray(address, repeated)))
    .orderBy(patients.name, patients.id);
  const shared: SharedAddresses = new Map();
  for (const holder of holders) {
    if (!holder.address) continue;
    shared.set(holder.address, [...(shared.get(holder.address) ?? []), { id: holder.id, name: holder.name }]);
  }
  return shared;
}

/** The other (non-test) patient records that carry this address; none when it is the patient's alone. */
export async function othersWithAddress(
  db: Pick<Database, 'select'>,
  kind: AddressKind,
  address: string,
  patientId: string,
): Promise<SharingPatient[]> {
  return db
    .select({ id: patients.id, name: patients.name })
    .from(patients)
    .where(and(eq(column(kind), address), ne(patients.id, patientId), eq(patients.test, false)))
    .orderBy(patients.name, patients.id);
}

type PatientRecord = Awaited<ReturnType<typeof patientDetail>>;
type Contact = NonNullable<PatientRecord['contacts']['phone']>;

/** A patient's record, each contact flagged with the other patients that share it (the Patients screen shows them). */
export async function withSharedContacts(db: Pick<Database, 'select'>, record: PatientRecord) {
  const flag = async (
    kind: AddressKind,
    contact: Contact | undefined,
  ): Promise<(Contact & { sharedWith?: SharingPatient[] }) | undefined> => {
    if (!contact) return undefined;
    const others = await othersWithAddress(db, kind, contact.address, record.patient.id);
    return others.length > 0 ? { ...contact, sharedWith: others } : contact;
  };
  const [phone, email] = await Promise.all([
    flag('phone', record.contacts.phone),
    flag('email', record.contacts.email),
  ]);
  return { ...record, contacts: { phone, email } };
}

/** Sentences for an enrollment answer: each of the patient's addresses another patient also has, and who. */
export async function sharedContactWarnings(db: Pick<Database, 'select'>, patientId: string): Promise<string[]> {
  const [patient] = await db
    .select({ id: patients.id, phone: patients.phone, email: patients.email })
    .from(patients)
    .where(eq(patients.id, patientId));
  const warnings: string[] = [];
  if (!patient) return warnings;
  for (const kind of ['phone', 'email'] as const) {
    const address = patient[kind];
    const others = address ? await othersWithAddress(db, kind, address, patient.id) : [];
    if (others.length > 0)
      warnings.push(
        `the ${kind === 'phone' ? 'phone number' : 'email address'} ${address} is also ${others.map((o) => o.name).join(', ')}'s: a STOP, a bounce or a reply on it concerns them too`,
      );
  }
  return warnings;
}
