/** How each step shows on the review canvas: a mark (added, removed, changed, unchanged since version K) and, for removed steps, a ghost. */
import type { JourneyDocument, Step } from '../../schema/index.js';
import type { StepChangeKind, StepDiffEntry } from './step-diff.js';

export interface DiffMark {
  kind: StepChangeKind;
  /** Words on the step, so the mark never relies on colour alone. */
  label: string;
}

export function diffMarks(steps: StepDiffEntry[], hasBaseline: boolean): Map<string, DiffMark> {
  const marks = new Map<string, DiffMark>();
  for (const entry of steps) {
    const label =
      entry.kind === 'unchanged'
        ? `Unchanged since v${entry.unchangedSince}`
        : entry.kind === 'added'
          ? hasBaseline
            ? 'Added'
            : 'New (nothing approved yet)'
          : entry.kind === 'removed'
            ? 'Removed'
            : `Changed (${entry.fields.length} field${entry.fields.length === 1 ? '' : 's'})`;
    marks.set(entry.stepId, { kind: entry.kind, label });
  }
  return marks;
}

/**
 * The document the review canvas draws: the version under review plus its removed steps, placed where the approved
 * version had them. A removed step keeps only the outputs that still lead somewhere, so it draws without dangling edges.
 */
export function documentWithRemovedSteps(after: JourneyDocument, before: JourneyDocument | undefined): JourneyDocument {
  if (!before) return after;
  const removed = Object.keys(before.steps).filter((id) => !Object.prototype.hasOwnProperty.call(after.steps, id));
  if (removed.length === 0) return after;
  const steps: Record<string, Step> = { ...after.steps };
  for (const id of removed) steps[id] = before.steps[id];
  for (const id of removed) {
    const outputs = Object.fromEntries(Object.entries(steps[id].outputs).filter(([, target]) => target in steps));
    steps[id] = { ...steps[id], outputs } as Step;
  }
  const positions = { ...(after.layout?.steps ?? {}) };
  for (const id of removed) {
    const old = before.layout?.steps?.[id];
    if (old) positions[id] = old;
  }
  // Without a position for every step, the canvas lays the whole journey out itself.
  const complete = Object.keys(steps).every((id) => positions[id]);
  return { ...after, steps, layout: complete ? { steps: positions } : undefined };
}
