/** Diffs between two journey documents, recorded per step and per layout position, so undo can replay them in either direction. */
import type { JourneyDocument, Step } from '../../schema/index.js';
import type { Position } from './changes.js';

type Pair<T> = [before: T | undefined, after: T | undefined];

export interface DocumentDiff {
  /** Top-level fields other than steps and layout (name, start, settings, ...). */
  fields: Partial<Record<keyof JourneyDocument, Pair<unknown>>>;
  steps: Record<string, Pair<Step>>;
  positions: Record<string, Pair<Position>>;
  /** Whether the layout block itself appeared or disappeared. */
  layoutBlock?: Pair<true>;
}

const own = (record: object, key: string) => Object.prototype.hasOwnProperty.call(record, key);

/** What changed from `before` to `after`. Relies on immutable updates: unchanged parts are the same objects. */
export function diffDocuments(before: JourneyDocument, after: JourneyDocument): DocumentDiff {
  const diff: DocumentDiff = { fields: {}, steps: {}, positions: {} };
  const keys = new Set([...Object.keys(before), ...Object.keys(after)] as Array<keyof JourneyDocument>);
  for (const key of keys) {
    if (key === 'steps' || key === 'layout') continue;
    if (before[key] !== after[key]) diff.fields[key] = [before[key], after[key]];
  }
  diffRecords(before.steps, after.steps, diff.steps);
  diffRecords(before.layout?.steps ?? {}, after.layout?.steps ?? {}, diff.positions);
  if ((before.layout === undefined) !== (after.layout === undefined)) {
    diff.layoutBlock = [before.layout ? true : undefined, after.layout ? true : undefined];
  }
  return diff;
}

function diffRecords<T>(before: Record<string, T>, after: Record<string, T>, into: Record<string, Pair<T>>): void {
  for (const id of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const a = own(before, id) ? before[id] : undefined;
    const b = own(after, id) ? after[id] : undefined;
    if (a !== b) into[id] = [a, b];
  }
}

export function isEmptyDiff(diff: DocumentDiff): boolean {
  return (
    Object.keys(diff.fields).length === 0 &&
    Object.keys(diff.steps).length === 0 &&
    Object.keys(diff.positions).length === 0 &&
    !diff.layoutBlock
  );
}

/** Applies a diff forward (redo) or backward (undo). Only the parts the diff names are touched, so later unrelated edits survive. */
export function applyDiff(
  document: JourneyDocument,
  diff: DocumentDiff,
  direction: 'forward' | 'backward',
): JourneyDocument {
  const pick = <T>(pair: Pair<T>) => (direction === 'forward' ? pair[1] : pair[0]);
  const next: Record<string, unknown> = { ...document };
  for (const [key, pair] of Object.entries(diff.fields)) {
    const value = pick(pair as Pair<unknown>);
    if (value === undefined) delete next[key];
    else next[key] = value;
  }
  next.steps = patchRecord(document.steps, diff.steps, pick);
  const layoutWanted = diff.layoutBlock ? pick(diff.layoutBlock) === true : document.layout !== undefined;
  const positions = patchRecord(document.layout?.steps ?? {}, diff.positions, pick);
  if (layoutWanted || Object.keys(positions).length > 0) next.layout = { ...(document.layout ?? {}), steps: positions };
  else delete next.layout;
  return next as JourneyDocument;
}

function patchRecord<T>(
  record: Record<string, T>,
  pairs: Record<string, Pair<T>>,
  pick: (pair: Pair<T>) => T | undefined,
): Record<string, T> {
  if (Object.keys(pairs).length === 0) return record;
  const next = { ...record };
  for (const [id, pair] of Object.entries(pairs)) {
    const value = pick(pair);
    if (value === undefined) delete next[id];
    else next[id] = value;
  }
  return next;
}
