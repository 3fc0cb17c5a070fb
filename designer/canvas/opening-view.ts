/** Where the canvas opens: the start step and what follows it, at a zoom where their text can be read. */
import type { FitViewOptions } from '@xyflow/react';
import type { JourneyDocument } from '../../schema/index.js';

/** How many steps, walking from the start, the opening view tries to show. */
const OPENING_STEPS = 6;

/** The start step and the first steps after it, breadth first. */
export function openingSteps(document: JourneyDocument, limit = OPENING_STEPS): string[] {
  const seen: string[] = [];
  const queue = [document.start];
  while (queue.length > 0 && seen.length < limit) {
    const id = queue.shift()!;
    const step = document.steps[id];
    if (!step || seen.includes(id)) continue;
    seen.push(id);
    queue.push(...Object.values(step.outputs));
  }
  return seen;
}

/**
 * Fit options for opening a journey: the start and its first steps, never below a readable zoom — a long
 * journey opens on its beginning rather than as a zoomed-out picture of everything (pan or use the minimap).
 */
export function openingView(document: JourneyDocument): FitViewOptions {
  return {
    nodes: openingSteps(document).map((id) => ({ id })),
    padding: 0.2,
    minZoom: 0.75,
    maxZoom: 1,
  };
}
