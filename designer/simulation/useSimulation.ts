/** Runs a cohort simulation in a Web Worker: progress while it runs, Cancel ends the worker at once, the result (and the worker with its paths) stays until the next run. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CohortSummary, PatientResult } from '../../runtime/simulator/index.js';
import type { PatientRow, SimulationMessage, SimulationRequest, WorkerRequest } from './protocol.js';

export type SimulationState =
  | { kind: 'idle' }
  | { kind: 'running'; done: number; total: number }
  | { kind: 'done'; summary: CohortSummary; patients: PatientRow[]; wallMs: number }
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string };

export function useSimulation() {
  const [state, setState] = useState<SimulationState>({ kind: 'idle' });
  /** The path last sent by the worker, for the patient opened. */
  const [path, setPath] = useState<PatientResult>();
  const worker = useRef<Worker | undefined>(undefined);
  const stop = useCallback(() => {
    worker.current?.terminate();
    worker.current = undefined;
    setPath(undefined);
  }, []);
  // Closing the editor must not leave a worker simulating, or holding paths, for nobody.
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
        else if (message.type === 'done') setState({ ...message, kind: 'done' });
        else if (message.type === 'path') setPath(message.patient);
        else {
          stop();
          setState({ kind: 'failed', message: message.message });
        }
      };
      next.onerror = (event) => {
        if (worker.current !== next) return;
        stop();
        setState({ kind: 'failed', message: event.message || 'the simulation worker stopped' });
      };
      next.postMessage({ type: 'run', ...request } satisfies WorkerRequest);
    },
    [stop],
  );

  /** Asks the worker for one patient's path; it arrives as `path`. */
  const fetchPath = useCallback((patientId: string) => {
    worker.current?.postMessage({ type: 'path', patientId } satisfies WorkerRequest);
  }, []);

  // A cancelled run keeps nothing: half a cohort's counts would read as a whole one.
  const cancel = useCallback(() => {
    stop();
    setState({ kind: 'cancelled' });
  }, [stop]);
  const clear = useCallback(() => {
    stop();
    setState({ kind: 'idle' });
  }, [stop]);

  return { state, path, run, fetchPath, cancel, clear };
}
