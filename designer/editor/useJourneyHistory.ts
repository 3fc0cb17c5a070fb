/** The journey document being edited, held in an undo history; every edit is a typed change passed to `apply`. */
import { useCallback, useMemo, useReducer } from 'react';
import type { JourneyDocument } from '../../schema/index.js';
import type { JourneyChange } from '../model/changes.js';
import {
  canRedo,
  canUndo,
  createHistory,
  mark,
  record,
  redo,
  undo,
  type History,
  type RecordOptions,
} from '../model/history.js';

type Action =
  | { type: 'apply'; change: JourneyChange; options: RecordOptions }
  | { type: 'mark' }
  | { type: 'undo' }
  | { type: 'redo' };

function reducer(history: History, action: Action): History {
  switch (action.type) {
    case 'apply':
      return record(history, action.change, action.options);
    case 'mark':
      return mark(history);
    case 'undo':
      return undo(history);
    case 'redo':
      return redo(history);
  }
}

export interface JourneyEditing {
  document: JourneyDocument;
  apply(change: JourneyChange, options?: Omit<RecordOptions, 'now'>): void;
  /** Closes the current undo step (end of a drag, leaving a field). */
  mark(): void;
  undo(): void;
  redo(): void;
  canUndo: boolean;
  canRedo: boolean;
}

export function useJourneyHistory(initial: JourneyDocument): JourneyEditing {
  const [history, dispatch] = useReducer(reducer, initial, createHistory);
  const apply = useCallback(
    (change: JourneyChange, options: Omit<RecordOptions, 'now'> = {}) =>
      dispatch({ type: 'apply', change, options: { ...options, now: Date.now() } }),
    [],
  );
  const markStep = useCallback(() => dispatch({ type: 'mark' }), []);
  const undoStep = useCallback(() => dispatch({ type: 'undo' }), []);
  const redoStep = useCallback(() => dispatch({ type: 'redo' }), []);
  return useMemo(
    () => ({
      document: history.document,
      apply,
      mark: markStep,
      undo: undoStep,
      redo: redoStep,
      canUndo: canUndo(history),
      canRedo: canRedo(history),
    }),
    [history, apply, markStep, undoStep, redoStep],
  );
}
