/** Steps in the order a patient meets them: breadth first from the start along each step's outputs, then any the start does not reach. */
import { outputsOf, type JourneyDocument } from '../../schema/index.js';

export function stepOrder(document: Pick<JourneyDocument, 'start' | 'steps'>): string[] {
  const has = (id: string) => Object.prototype.hasOwnProperty.call(document.steps, id);
  const seen = new Set<string>();
  const queue = document.start && has(document.start) ? [document.start] : [];
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const step = document.steps[id];
    for (const output of outputsOf(step)) {
      const target = step.outputs[output];
      if (target !== undefined && has(target) && !seen.has(target)) queue.push(target);
    }
  }
  return [...seen, ...Object.keys(document.steps).filter((id) => !seen.has(id))];
}
