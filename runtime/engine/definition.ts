/** A version's document as the engine runs it: migrated to the current schema and with every default filled in. */
import { JourneyDocument } from '../../schema/document.js';
import { migrateDocument } from '../../schema/migrations/index.js';

/**
 * Versions are frozen in the schema they were written for; a workflow started on schema 1 still runs after an
 * upgrade because its definition is migrated here, deterministically.
 */
export function prepareDefinition(stored: unknown): JourneyDocument {
  const migrated = migrateDocument(stored);
  if (!migrated.ok) throw new Error(migrated.message);
  return JourneyDocument.parse(migrated.document);
}

/** What a workflow starts from, as far as its definition goes. */
export interface DefinitionInput {
  definition?: unknown;
  /** Set when `definition` went through `prepareDefinition` before the workflow started. */
  definitionPrepared?: boolean;
}

/**
 * The definition once, before start, so the workflow does not migrate and parse it again in every run (each
 * continue-as-new, each replay after a cache eviction). Idempotent: a prepared input is returned as it is.
 * The canvas `layout` is dropped: the interpreter never reads it, and the definition rides in every run's input.
 */
export function withPreparedDefinition<T extends DefinitionInput>(input: T): T & { definitionPrepared: true } {
  if (input.definitionPrepared) return input as T & { definitionPrepared: true };
  return { ...input, definition: runnableDefinition(input.definition), definitionPrepared: true };
}

/** A stored document as a workflow runs it: prepared, without the canvas `layout` the interpreter never reads. */
export function runnableDefinition(stored: unknown): JourneyDocument {
  const { layout: _layout, ...definition } = prepareDefinition(stored);
  return definition;
}
