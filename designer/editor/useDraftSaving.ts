/** Saving the draft: autosave a moment after the last edit, and "Save draft" on demand; tracks whether the server has the latest document. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { JourneyDocument } from '../../schema/index.js';
import { api, errorMessage } from '../api/client.js';

export type SaveStatus =
  | { kind: 'saved' }
  | { kind: 'unsaved' }
  | { kind: 'saving' }
  | { kind: 'error'; message: string }
  | { kind: 'blocked'; message: string };

/** Long enough not to save on every keystroke, short enough that closing the tab rarely loses work. */
const autosaveDelayMs = 1200;

export function useDraftSaving(journeyId: string, document: JourneyDocument, canSave: boolean) {
  const savedRef = useRef<JourneyDocument>(document);
  const [status, setStatus] = useState<SaveStatus>({ kind: 'saved' });
  const latest = useRef({ document, canSave });
  latest.current = { document, canSave };

  const saveNow = useCallback(async (): Promise<boolean> => {
    const { document: doc, canSave: allowed } = latest.current;
    if (!allowed) {
      setStatus({ kind: 'blocked', message: 'Not saved: fix the structure problems first.' });
      return false;
    }
    if (doc === savedRef.current) {
      setStatus({ kind: 'saved' });
      return true;
    }
    setStatus({ kind: 'saving' });
    try {
      await api.saveDraft(journeyId, doc);
      savedRef.current = doc;
      setStatus(latest.current.document === doc ? { kind: 'saved' } : { kind: 'unsaved' });
      return true;
    } catch (error) {
      setStatus({ kind: 'error', message: errorMessage(error) });
      return false;
    }
  }, [journeyId]);

  useEffect(() => {
    if (document === savedRef.current) return;
    setStatus(
      canSave ? { kind: 'unsaved' } : { kind: 'blocked', message: 'Not saved: fix the structure problems first.' },
    );
    if (!canSave) return;
    const timer = setTimeout(() => void saveNow(), autosaveDelayMs);
    return () => clearTimeout(timer);
  }, [document, canSave, saveNow]);

  return { status, saveNow };
}
