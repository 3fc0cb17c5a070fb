/** Runs a cohort simulation in a Web Worker: progress while it runs, Cancel ends the worker at once, the result stays until the next run. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CohortSummary, PatientResult } from '../../runtime/simulator/index.js';
import type { SimulationMessage, SimulationRequest } from './protocol.js';

export type SimulationState =
  | { kind: 'idle' }
  | { kind: 'running'; done: number; total: number }
  | { kind: 'done'; summary: CohortSummary; patients: PatientResult[]; wallMs: number }
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string };

export function useSimulation() {
  const [state, setState] = useState<SimulationState>({ kind: 'idle' });
  const worker = useRef<Worker | undefined>(undefined);
  const stop = useCallback(() => {
    worker.current?.terminate();
    worker.current = undefined;
  }, []);
  // Closing the editor mid-run must not leave a worker simulating for nobody.
  useEffect(() => stop, [stop]);

  const run = useCallback(
    (request: SimulationRequest) => {
      stop();
      const next = new Worker(new URL('./simulate.worker.ts', import.meta.url), { type: 'module' });
      worker.current = next;
      setState({ kind: 'running', done: 0, total: request.patients });
      next.onmessage = (event: MessageEvent<SimulationMessage>) => {
        if (worker.current !== next) return;
        const message = event.data;
        if (message.type === 'progress') setState({ kind: 'running', done: message.done, total: message.total });
        else {
          stop();
          setState(
            message.type === 'done' ? { ...message, kind: 'done' } : { kind: 'failed', message: message.message },
          );
        }
      };
      next.onerror = (event) => {
        if (worker.current !== next) return;
        stop();
        setState({ kind: 'failed', message: event.message || 'the simulation worker stopped' });
      };
      next.postMessage(request);
    },
    [stop],
  );

  // A cancelled run keeps nothing: half a cohort's counts would read as a whole one.
  const cancel = useCallback(() => {
    stop();
    setState({ kind: 'cancelled' });
  }, [stop]);
  const clear = useCallback(() => {
    stop();
    setState({ kind: 'idle' });
  }, [stop]);

  return { state, run, cancel, clear };
}
