/** The edges of a journey as live counts name them (`step.output`), and the ones an enrollment has passed. Pure: the workflow uses it. */
import type { PathEntry } from '../engine/types.js';

/** One edge: leaving `step` by `output`. Step ids and output names have no dots, so the key is unambiguous; no PHI in either. */
export function edgeKey(step: string, output: string): string {
  return `${step}.${output}`;
}

/** Every edge the path has passed, each once, in the order first passed. */
export function passedEdges(path: readonly PathEntry[]): string[] {
  const seen = new Set<string>();
  for (const entry of path) if (entry.output !== undefined) seen.add(edgeKey(entry.step, entry.output));
  return [...seen];
}
