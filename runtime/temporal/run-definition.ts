/** The definition a workflow run interprets: from its input, or loaded by version in a continued run. Workflow-safe; the zod parse of old inputs loads only when one runs. */
import { patched, proxyLocalActivities } from '@temporalio/workflow';
import type { JourneyDocument } from '../../schema/document.js';
import type { DefinitionInput } from '../engine/definition.js';
import type { EnrollmentState } from '../engine/types.js';
import type { createActivities } from './activities.js';
import type { ApprovedDefinition } from './integrity-activity.js';
import type { EnrollmentInput } from './types.js';

const { loadApprovedDefinition } = proxyLocalActivities<ReturnType<typeof createActivities>>({
  startToCloseTimeout: '30 seconds',
  // Nothing may run before the definition is there; keep trying until the database answers.
  retry: { initialInterval: '5 seconds', maximumInterval: '5 minutes' },
});

/**
 * A prepared input (`definitionPrepared`, see startEnrollment) is trusted as it is: it was migrated, parsed and
 * checked against its approval before the workflow started.
 *
 * Histories started before preparation moved out of the workflow migrate and zod-parse here, exactly as they ran.
 * That import is eager in the bundle (no separate chunk) but evaluated only when reached, so a run with a prepared
 * input never evaluates zod or the schema's validators. Awaiting it adds no command, so replay is unchanged.
 */
export async function legacyDefinition(input: DefinitionInput): Promise<JourneyDocument> {
  const { prepareDefinition } = await import(/* webpackMode: "eager" */ '../engine/definition.js');
  return prepareDefinition(input.definition);
}

/**
 * A continued run's definition, by its version: one local activity that checks the stored document against its
 * approval again and prepares it. Its result is written to this run's history once (a marker), so the run replays
 * without the database; what it saves is the definition in every continue-as-new input, and a tampered version is
 * caught at the next hand-over rather than only at enrollment.
 */
export function definitionByReference(input: EnrollmentInput): Promise<ApprovedDefinition> {
  return loadApprovedDefinition({ enrollmentId: input.enrollmentId, versionId: input.versionId });
}

/** The next run's input: the engine state carried over, and the definition by reference (histories from before it carry it whole). */
export function continuedInput(input: EnrollmentInput, state: EnrollmentState): EnrollmentInput {
  const carried = { ...input, state, pendingEvents: [], migratedFrom: undefined };
  // Marks the histories whose next run loads its definition, so a later change here can branch on it.
  if (!patched('definition-by-reference')) return carried;
  const { definition: _definition, definitionPrepared: _prepared, ...reference } = carried;
  return { ...reference, definitionByReference: true };
}
