/** Checks the connectors a journey names against the catalogue of the server that will run it: unknown ids, unsupported channels. */
import type { JourneyDocument } from './document.js';
import { pointerToken, type Problem } from './problems.js';

/** What validation may know about the world without doing I/O: the caller passes it in. */
export interface ValidationContext {
  /** The connectors available where the journey will run, with the channels each supports. */
  connectors?: ReadonlyArray<{ id: string; channels: readonly string[] }>;
}

export function checkConnectors(document: JourneyDocument, context: ValidationContext): Problem[] {
  if (!context.connectors) return [];
  const known = new Map(context.connectors.map((c) => [c.id, c]));
  const problems: Problem[] = [];
  for (const [stepId, step] of Object.entries(document.steps)) {
    if (step.type !== 'message' && step.type !== 'assessment') continue;
    const at = `/steps/${pointerToken(stepId)}/connector`;
    const connector = known.get(step.connector);
    if (!connector) {
      problems.push({
        code: 'connector.unknown',
        pointer: at,
        stepId,
        severity: 'error',
        message: `Step "${stepId}" uses connector "${step.connector}", which is not installed; available: ${[...known.keys()].join(', ') || 'none'}.`,
      });
    } else if (!connector.channels.includes(step.channel)) {
      problems.push({
        code: 'connector.channel-unsupported',
        pointer: at,
        stepId,
        severity: 'error',
        message: `Step "${stepId}": connector "${step.connector}" cannot send ${step.channel}; it supports ${connector.channels.join(', ')}.`,
      });
    }
  }
  return problems;
}
