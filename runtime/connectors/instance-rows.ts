/** The rows of connector instances saved on the Connectors screen: read with their secrets opened, written with them sealed. */
import { eq } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { connectorInstances } from '../db/schema.js';
import type { SecretBox } from './secret-box.js';
import type { SplitSettings } from './instance-settings.js';

export type InstanceRow = typeof connectorInstances.$inferSelect;

type Executor = Pick<Database, 'select' | 'insert' | 'update' | 'delete'>;

export async function readRows(db: Executor): Promise<InstanceRow[]> {
  return db.select().from(connectorInstances).orderBy(connectorInstances.id);
}

export async function readRow(db: Executor, id: string): Promise<InstanceRow | undefined> {
  const [row] = await db.select().from(connectorInstances).where(eq(connectorInstances.id, id));
  return row;
}

/** The stored secrets in clear, for the registry and for "blank keeps the stored value"; never for an answer. */
export async function openSecrets(box: SecretBox, row: InstanceRow): Promise<Record<string, string>> {
  if (!row.secrets || !row.secretsKeyId) return {};
  return box.open(row.id, { keyId: row.secretsKeyId, sealed: row.secrets });
}

/** The columns that hold the settings: plain ones as JSON, secrets sealed (none: null). */
export async function settingsColumns(box: SecretBox, id: string, settings: SplitSettings) {
  const sealed = Object.keys(settings.secrets).length > 0 ? await box.seal(id, settings.secrets) : undefined;
  return {
    settings: settings.plain,
    secrets: sealed?.sealed ?? null,
    secretsKeyId: sealed?.keyId ?? null,
    secretFields: Object.keys(settings.secrets),
  };
}
