/** "Tidy up": the whole journey laid out again by the dagre auto-layout, as one document, so the canvas records it as one undoable change. */
import type { JourneyDocument } from '../../schema/index.js';
import { autoLayout } from './auto-layout.js';

/** The document with every step at its auto-layout position; content untouched (layout is outside the content hash). */
export function tidyUp(document: JourneyDocument): JourneyDocument {
  if (Object.keys(document.steps).length === 0) return document;
  return { ...document, layout: { ...document.layout, steps: autoLayout(document) } };
}
