/** A journey's content is everything but its layout: what validation, the hash and the runtime see. */
import type { JourneyDocument } from '../../schema/index.js';

/** True when the two documents differ at most in their layout (each top-level field the same object). */
export function sameContent(a: JourneyDocument, b: JourneyDocument): boolean {
  if (a === b) return true;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  keys.delete('layout');
  for (const key of keys) {
    if ((a as Record<string, unknown>)[key] !== (b as Record<string, unknown>)[key]) return false;
  }
  return true;
}
