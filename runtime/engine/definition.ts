/** A version's document as the engine runs it: migrated to the current schema and with every default filled in. */
import { JourneyDocument } from '../../schema/document.js';
import { migrateDocument } from '../../schema/migrations/index.js';

/**
 * Versions are frozen in the schema they were written for; a workflow started on schema 1 still runs after an
 * upgrade because its definition is migrated here, once per run, deterministically.
 */
export function prepareDefinition(stored: unknown): JourneyDocument {
  const migrated = migrateDocument(stored);
  if (!migrated.ok) throw new Error(migrated.message);
  return JourneyDocument.parse(migrated.document);
}
