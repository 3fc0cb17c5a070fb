/** The test enrollment the editor follows: remembered for the tab's session, polled while it runs, turned into a path overlay. */
import { useCallback, useMemo, useState } from 'react';
import { api } from '../api/client.js';
import { pathOverlay } from '../model/path-overlay.js';
import { usePolling } from './usePolling.js';

export interface TestRun {
  enrollmentId: string;
  patientId: string;
  patientName: string;
}

const storageKey = (journeyId: string) => `carepath.test-run.${journeyId}`;

export function useTestRun(journeyId: string) {
  const [run, setRun] = useState<TestRun | undefined>(() => {
    try {
      const saved = sessionStorage.getItem(storageKey(journeyId));
      return saved ? (JSON.parse(saved) as TestRun) : undefined;
    } catch {
      return undefined;
    }
  });
  const follow = useCallback(
    (next: TestRun | undefined) => {
      setRun(next);
      if (next) sessionStorage.setItem(storageKey(journeyId), JSON.stringify(next));
      else sessionStorage.removeItem(storageKey(journeyId));
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
  return { run, enrollment, error, overlay, start, stop: () => follow(undefined) };
}
