/** For a step that did not change: the earliest version from which it has stayed exactly as it is, so the reviewer knows how long it has been approved wording. */
import { canonicalJson, type JourneyDocument } from '../../schema/index.js';

export interface NumberedDocument {
  number: number;
  document: JourneyDocument;
}

/**
 * Walks back from `current` through `earlier` (any order; later numbers than `current` are ignored) while the step
 * is identical, and answers the number of the oldest version in that unbroken run.
 */
export function unchangedSince(stepId: string, current: NumberedDocument, earlier: NumberedDocument[]): number {
  const own = (document: JourneyDocument) => Object.prototype.hasOwnProperty.call(document.steps, stepId);
  if (!own(current.document)) return current.number;
  const text = canonicalJson(current.document.steps[stepId]);
  let since = current.number;
  const older = earlier.filter((v) => v.number < current.number).sort((a, b) => b.number - a.number);
  for (const version of older) {
    if (!own(version.document) || canonicalJson(version.document.steps[stepId]) !== text) break;
    since = version.number;
  }
  return since;
}
