/** What the workflow asks the send activity for, built from the engine's send command, and how a failed send is recorded. Workflow-safe. */
import { ActivityFailure, ApplicationFailure } from '@temporalio/workflow';
import type { JourneyDocument } from '../../schema/document.js';
import type { EngineCommand } from '../engine/types.js';
import type { SendMessageInput } from './types.js';

/** The activity input for one send command: ids, the step's template and how to render it, and its consent purpose. */
export function sendRequest(
  command: Extract<EngineCommand, { type: 'send' }>,
  ids: { enrollmentId: string; workflowId: string },
  definition: JourneyDocument,
): SendMessageInput {
  const { step, visit, channel, connector, template, subject, literal, part, purpose } = command;
  return {
    ...ids,
    step,
    visit,
    channel,
    connector,
    template,
    ...(subject !== undefined ? { subject } : {}),
    ...(literal ? { literal } : {}),
    ...(part ? { part } : {}),
    ...(purpose === 'assessment-link' ? { purpose } : {}),
    ...consentPurposeOf(definition, step, channel),
  };
}

/** The consent purpose a send goes out under: the step's own, else the journey's; none for system webhooks. */
function consentPurposeOf(definition: JourneyDocument, step: string, channel: string): { consentPurpose?: string } {
  const own = definition.steps[step];
  const purpose =
    (own && 'consentPurpose' in own ? own.consentPurpose : undefined) ?? definition.settings.consentPurpose;
  return purpose && channel !== 'webhook' ? { consentPurpose: purpose } : {};
}

/** The reason a send failed, as the journey records it: the provider's message, not the activity wrapper's. */
export function failureMessage(err: unknown): string {
  const cause = err instanceof ActivityFailure ? err.cause : err;
  if (cause instanceof ApplicationFailure || cause instanceof Error) return cause.message;
  return String(cause);
}
