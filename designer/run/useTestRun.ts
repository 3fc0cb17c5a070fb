/** The test enrollment the editor follows: remembered per journey in the browser (so a reload or another tab reopens it), polled while it runs, turned into a path overlay. */
import { useCallback, useMemo, useState } from 'react';
import { api } from '../api/client.js';
import { pathOverlay } from '../model/path-overlay.js';
import { usePolling } from './usePolling.js';

export interface TestRun {
  enrollmentId: string;
  patientId: string;
  patientName: string;
}

// localStorage, not sessionStorage: the run belongs to the journey, not to the tab it was started in.
const storageKey = (journeyId: string) => `carepath.test-run.${journeyId}`;

function remembered(journeyId: string): TestRun | undefined {
  try {
    const saved = localStorage.getItem(storageKey(journeyId));
    return saved ? (JSON.parse(saved) as TestRun) : undefined;
  } catch {
    return undefined;
  }
}

export function useTestRun(journeyId: string) {
  const [run, setRun] = useState<TestRun | undefined>(() => remembered(journeyId));
  const follow = useCallback(
    (next: TestRun | undefined) => {
      setRun(next);
      if (next) localStorage.setItem(storageKey(journeyId), JSON.stringify(next));
      else localStorage.removeItem(storageKey(journeyId));
    },
    [journeyId],
  );
  const [finished, setFinished] = useState(false);
  const { data, error } = usePolling(
    run
      ? async () => {
          const answer = await api.enrollment(run.enrollmentId);
          // Stop polling once the run is over; its final state stays on screen.
          setFinished(
            answer.enrollment.status !== 'running' &&
              (answer.enrollment.state?.status ?? answer.enrollment.status) !== 'running',
          );
          return answer;
        }
      : undefined,
    1000,
    [run?.enrollmentId],
    !finished,
  );
  const enrollment = run && data?.enrollment.id === run.enrollmentId ? data.enrollment : undefined;
  const overlay = useMemo(() => pathOverlay(enrollment?.state), [enrollment]);
  const start = useCallback(
    (next: TestRun) => {
      setFinished(false);
      follow(next);
    },
    [follow],
  );
  const stop = useCallback(() => follow(undefined), [follow]);
  return { run, enrollment, error, overlay, start, stop };
}
