/** Opt-outs kept on the address, not the patient: STOP from a number blocks it for every patient record that carries it. */
import { eq } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { addressOptOuts } from '../db/schema.js';
import { nowIso } from '../db/ids.js';
import type { AddressKind } from './addresses.js';

type Tx = Pick<Database, 'select' | 'insert' | 'delete'>;

export async function isOptedOut(db: Tx, address: string): Promise<boolean> {
  const [row] = await db
    .select({ address: addressOptOuts.address })
    .from(addressOptOuts)
    .where(eq(addressOptOuts.address, address));
  return row !== undefined;
}

/** Records the opt-out; a second STOP keeps the first one's time. */
export async function optOutAddress(
  db: Tx,
  entry: { address: string; kind: AddressKind; keyword: string; connector: string },
): Promise<void> {
  await db
    .insert(addressOptOuts)
    .values({ ...entry, optedOutAt: nowIso() })
    .onConflictDoNothing({ target: addressOptOuts.address });
}

/** START / UNSTOP: the address may be messaged again (journeys that ended stay ended). */
export async function optInAddress(db: Tx, address: string): Promise<boolean> {
  const removed = await db
    .delete(addressOptOuts)
    .where(eq(addressOptOuts.address, address))
    .returning({ address: addressOptOuts.address });
  return removed.length > 0;
}
