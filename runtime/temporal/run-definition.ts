/** The definition a workflow run interprets, read from its input. Workflow-safe; the zod parse of old inputs loads only when one runs. */
import type { JourneyDocument } from '../../schema/document.js';
import type { DefinitionInput } from '../engine/definition.js';

/**
 * A prepared input (`definitionPrepared`, see startEnrollment) is trusted as it is: it was migrated, parsed and
 * checked against its approval before the workflow started. The definition stays in every run's input rather than
 * being loaded by an activity: an activity's result is written to history too (a marker per run), so loading would
 * save no history, and it would add a database read and a command to every continued run.
 *
 * Histories started before preparation moved out of the workflow migrate and zod-parse here, exactly as they ran.
 * That import is eager in the bundle (no separate chunk) but evaluated only when reached, so a run with a prepared
 * input never evaluates zod or the schema's validators. Awaiting it adds no command, so replay is unchanged.
 */
export async function legacyDefinition(input: DefinitionInput): Promise<JourneyDocument> {
  const { prepareDefinition } = await import(/* webpackMode: "eager" */ '../engine/definition.js');
  return prepareDefinition(input.definition);
}
