/** One form submission at a time: `busy` while the action runs, its failure as a readable `error`. Shared by every form in the designer. */
import { useState, type FormEvent } from 'react';
import { errorMessage } from '../api/client.js';

export function useSubmit(action: () => Promise<void>, initialError?: string) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(initialError);

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(undefined);
    try {
      await action();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return { submit, busy, error };
}
