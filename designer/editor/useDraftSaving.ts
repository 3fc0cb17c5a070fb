/** Saving the draft: autosave a moment after the last edit, whatever its problems, and "Save draft" on demand; a save that lost to someone else's loads theirs and keeps ours recoverable. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { JourneyDocument } from '../../schema/index.js';
import { api, ApiError, errorMessage } from '../api/client.js';
import { dropConflictCopy, keepConflictCopy, readConflictCopy, type ConflictCopy } from '../model/conflict-copy.js';

export type SaveStatus =
  | { kind: 'saved' }
  | { kind: 'unsaved' }
  | { kind: 'saving' }
  | { kind: 'error'; message: string }
  | { kind: 'conflict'; message: string };

/** Long enough not to save on every keystroke, short enough that closing the tab rarely loses work. */
const autosaveDelayMs = 1200;

/**
 * `revision` is the draft revision the editor opened; every save sends the revision it started from. On a conflict
 * (someone saved since) the server's draft is loaded through `replaceDocument` (one undoable change, so Undo brings
 * ours back too) and our document is kept in localStorage with a "restore my version" action, across reloads.
 */
export function useDraftSaving(
  journeyId: string,
  revision: number,
  document: JourneyDocument,
  replaceDocument: (document: JourneyDocument) => void,
) {
  const savedRef = useRef<JourneyDocument>(document);
  const revisionRef = useRef(revision);
  const [status, setStatus] = useState<SaveStatus>({ kind: 'saved' });
  const [myCopy, setMyCopy] = useState<ConflictCopy | undefined>(() => readConflictCopy(localStorage, journeyId));
  const latest = useRef(document);
  latest.current = document;
  const replaceRef = useRef(replaceDocument);
  replaceRef.current = replaceDocument;

  /** Keeps our document, then shows the server's: both people's work stays at hand. */
  const loadTheirs = useCallback(
    async (mine: JourneyDocument, message: string) => {
      keepConflictCopy(localStorage, journeyId, mine, new Date());
      setMyCopy(readConflictCopy(localStorage, journeyId));
      try {
        const { journey } = await api.getJourney(journeyId);
        revisionRef.current = journey.draftRevision;
        savedRef.current = journey.draft;
        replaceRef.current(journey.draft);
        setStatus({ kind: 'conflict', message: `${message} Their version is on the canvas; yours is kept.` });
      } catch (error) {
        setStatus({ kind: 'error', message: `${message} (${errorMessage(error)})` });
      }
    },
    [journeyId],
  );

  const saveOnce = useCallback(async (): Promise<boolean> => {
    const doc = latest.current;
    if (doc === savedRef.current) {
      setStatus((s) => (s.kind === 'conflict' ? s : { kind: 'saved' }));
      return true;
    }
    setStatus({ kind: 'saving' });
    try {
      const { journey } = await api.saveDraft(journeyId, doc, revisionRef.current);
      savedRef.current = doc;
      revisionRef.current = journey.draftRevision;
      setStatus(latest.current === doc ? { kind: 'saved' } : { kind: 'unsaved' });
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        // Keep the newest local document, edits typed while the refused save was in flight included.
        await loadTheirs(latest.current, error.message);
        return false;
      }
      setStatus({ kind: 'error', message: errorMessage(error) });
      return false;
    }
  }, [journeyId, loadTheirs]);

  // One save at a time: "Save draft" pressed while the autosave is on its way would send the same revision, and the
  // server would refuse it as a conflict with our own save. A queued save finds the document saved, or saves the newer one.
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const saveNow = useCallback((): Promise<boolean> => {
    const next = queue.current.then(saveOnce, saveOnce);
    queue.current = next;
    return next;
  }, [saveOnce]);

  /** Puts our kept copy back on the canvas; the next save makes it the draft, on top of theirs. */
  const restoreMine = useCallback(() => {
    const copy = readConflictCopy(localStorage, journeyId);
    if (!copy) return;
    replaceDocument(copy.document);
    dropConflictCopy(localStorage, journeyId);
    setMyCopy(undefined);
    setStatus({ kind: 'unsaved' });
  }, [journeyId, replaceDocument]);

  /** Lets the kept copy go, once the author has what they need from it. */
  const discardMine = useCallback(() => {
    dropConflictCopy(localStorage, journeyId);
    setMyCopy(undefined);
    setStatus((s) => (s.kind === 'conflict' ? { kind: 'saved' } : s));
  }, [journeyId]);

  useEffect(() => {
    if (document === savedRef.current) return;
    setStatus({ kind: 'unsaved' });
    const timer = setTimeout(() => void saveNow(), autosaveDelayMs);
    return () => clearTimeout(timer);
  }, [document, saveNow]);

  return { status, saveNow, myCopy, restoreMine, discardMine };
}
