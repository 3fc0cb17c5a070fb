/** The editor's simulation: whether the panel is open, the run, the patient opened, and what the canvas draws from them. */
import { useCallback, useMemo, useState } from 'react';
import { simulatedCounts, simulatedPathOverlay } from './simulation-overlay.js';
import { useSimulation } from './useSimulation.js';

export function useSimulationView() {
  const [open, setOpen] = useState(false);
  const [patientId, setPatientId] = useState<string>();
  const simulation = useSimulation();
  const { state, clear, path, fetchPath } = simulation;
  const done = state.kind === 'done' ? state : undefined;
  const counts = useMemo(() => (done ? simulatedCounts(done.summary) : undefined), [done]);
  // The worker sends a path when asked; one that arrives for a patient no longer open is not drawn.
  const opened = done && path?.patientId === patientId ? path : undefined;
  const overlay = useMemo(() => (opened ? simulatedPathOverlay(opened) : undefined), [opened]);
  const openPatient = useCallback(
    (id: string | undefined) => {
      setPatientId(id);
      if (id) fetchPath(id);
    },
    [fetchPath],
  );
  // Closing the panel takes its counts and path off the canvas.
  const toggle = useCallback(() => {
    setOpen((was) => {
      if (was) {
        clear();
        setPatientId(undefined);
      }
      return !was;
    });
  }, [clear]);
  return { open, toggle, simulation, patientId, opened, openPatient, counts, overlay };
}

export type SimulationView = ReturnType<typeof useSimulationView>;
