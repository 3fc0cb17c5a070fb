/** Calls `load` now and then every `intervalMs` while `enabled`, keeping the last answer and error; stale answers after unmount are dropped. */
import { useEffect, useState } from 'react';
import { errorMessage } from '../api/client.js';

export function usePolling<T>(
  load: (() => Promise<T>) | undefined,
  intervalMs: number,
  deps: unknown[],
  enabled = true,
) {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    if (!load || !enabled) return;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout>;
    const tick = async () => {
      try {
        const value = await load();
        if (!cancelled) {
          setData(value);
          setError(undefined);
        }
      } catch (err) {
        if (!cancelled) setError(errorMessage(err));
      }
      // Schedule after the answer, so a slow server never gets overlapping polls.
      if (!cancelled) timer = setTimeout(tick, intervalMs);
    };
    void tick();
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, enabled, intervalMs]);
  return { data, error, setData };
}
