/** The editor's simulation: whether the panel is open, the run, the patient opened, and what the canvas draws from them. */
import { useCallback, useMemo, useState } from 'react';
import { simulatedCounts, simulatedPathOverlay } from './simulation-overlay.js';
import { useSimulation } from './useSimulation.js';

export function useSimulationView() {
  const [open, setOpen] = useState(false);
  const [patientId, setPatientId] = useState<string>();
  const simulation = useSimulation();
  const { state, clear } = simulation;
  const done = state.kind === 'done' ? state : undefined;
  const counts = useMemo(() => (done ? simulatedCounts(done.summary) : undefined), [done]);
  const overlay = useMemo(() => {
    const patient = done?.patients.find((p) => p.patientId === patientId);
    return patient ? simulatedPathOverlay(patient) : undefined;
  }, [done, patientId]);
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
  return { open, toggle, simulation, patientId, openPatient: setPatientId, counts, overlay };
}

export type SimulationView = ReturnType<typeof useSimulationView>;
