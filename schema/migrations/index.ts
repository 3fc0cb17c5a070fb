/** Brings a journey document written for an older schema version up to the current one, one numbered migration at a time. */
import { CURRENT_SCHEMA_VERSION } from '../document.js';
import type { Migration } from './types.js';
import { timeZoneSource } from './001-time-zone-source.js';

export type { Migration } from './types.js';

/** In order; each takes version `from` to `from + 1`. */
export const migrations: readonly Migration[] = [timeZoneSource];

export type MigrationResult = { ok: true; document: unknown; applied: Migration[] } | { ok: false; message: string };

/** Migrates when `schemaVersion` is older; returns the input untouched when it is current or not a document at all (validation reports that). */
export function migrateDocument(input: unknown): MigrationResult {
  if (input === null || typeof input !== 'object' || Array.isArray(input))
    return { ok: true, document: input, applied: [] };
  let document = input as Record<string, unknown>;
  const version = document.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version)) return { ok: true, document: input, applied: [] };
  if (version > CURRENT_SCHEMA_VERSION) {
    return {
      ok: false,
      message: `The document is written for schema version ${version}; this Carepath reads up to version ${CURRENT_SCHEMA_VERSION}.`,
    };
  }
  const applied: Migration[] = [];
  for (let current = version; current < CURRENT_SCHEMA_VERSION; current++) {
    const step = migrations.find((m) => m.from === current);
    if (!step) return { ok: false, message: `No migration from schema version ${current}.` };
    document = step.migrate(document);
    applied.push(step);
  }
  return { ok: true, document, applied };
}
