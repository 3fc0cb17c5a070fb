/** Undo and redo built from recorded changes and the diffs they made, grouped into undo steps by marks. */
import type { JourneyDocument } from '../../schema/index.js';
import { applyChange, type JourneyChange } from './changes.js';
import { applyDiff, diffDocuments, isEmptyDiff, type DocumentDiff } from './diff.js';

/** One recorded edit: the change as the user made it, and what it did to the document. */
export interface HistoryEntry {
  change: JourneyChange;
  diff: DocumentDiff;
}

/** One undo step: the entries between two marks. */
export interface HistoryBatch {
  entries: HistoryEntry[];
  /** Edits with the same key in quick succession (typing, dragging) join one batch. */
  coalesceKey?: string;
  at: number;
}

export interface History {
  document: JourneyDocument;
  undoStack: HistoryBatch[];
  redoStack: HistoryBatch[];
  /** Set by `mark`: the next recorded change opens a new batch whatever its key. */
  markPending: boolean;
}

export interface RecordOptions {
  /** False for changes the user should not undo: the initial load, a server reload. Default true. */
  undoable?: boolean;
  coalesceKey?: string;
  /** Milliseconds since epoch; passed in so the module stays clock-free and testable. */
  now?: number;
}

/** How long after the last edit a same-key edit still joins the same undo step. */
export const coalesceWindowMs = 1000;

export function createHistory(document: JourneyDocument): History {
  return { document, undoStack: [], redoStack: [], markPending: true };
}

/** Applies a change and records it. A change that does nothing records nothing. */
export function record(history: History, change: JourneyChange, options: RecordOptions = {}): History {
  const document = applyChange(history.document, change);
  if (document === history.document) return history;
  if (options.undoable === false) return { ...history, document };
  const entry: HistoryEntry = { change, diff: diffDocuments(history.document, document) };
  if (isEmptyDiff(entry.diff)) return { ...history, document };
  const now = options.now ?? 0;
  const last = history.undoStack[history.undoStack.length - 1];
  const joins =
    !history.markPending &&
    last !== undefined &&
    options.coalesceKey !== undefined &&
    last.coalesceKey === options.coalesceKey &&
    now - last.at <= coalesceWindowMs;
  const undoStack = joins
    ? [...history.undoStack.slice(0, -1), { ...last, entries: [...last.entries, entry], at: now }]
    : [...history.undoStack, { entries: [entry], coalesceKey: options.coalesceKey, at: now }];
  return { document, undoStack, redoStack: [], markPending: false };
}

/** Ends the current undo step: the next change starts a new one even if it has the same coalesce key. */
export function mark(history: History): History {
  return history.markPending ? history : { ...history, markPending: true };
}

export function canUndo(history: History): boolean {
  return history.undoStack.length > 0;
}

export function canRedo(history: History): boolean {
  return history.redoStack.length > 0;
}

export function undo(history: History): History {
  const batch = history.undoStack[history.undoStack.length - 1];
  if (!batch) return history;
  const document = [...batch.entries]
    .reverse()
    .reduce((doc, entry) => applyDiff(doc, entry.diff, 'backward'), history.document);
  return {
    document,
    undoStack: history.undoStack.slice(0, -1),
    redoStack: [...history.redoStack, batch],
    markPending: true,
  };
}

export function redo(history: History): History {
  const batch = history.redoStack[history.redoStack.length - 1];
  if (!batch) return history;
  const document = batch.entries.reduce((doc, entry) => applyDiff(doc, entry.diff, 'forward'), history.document);
  return {
    document,
    undoStack: [...history.undoStack, batch],
    redoStack: history.redoStack.slice(0, -1),
    markPending: true,
  };
}
