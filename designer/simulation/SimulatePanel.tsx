/** The Simulate panel over the canvas: personas, cohort size and horizon; a run in a Web Worker with progress and Cancel; the patients and their paths. */
import { useState } from 'react';
import { isDuration, type JourneyDocument } from '../../schema/index.js';
import { defaultMixes } from './persona-mix.js';
import { mixProblem, PersonaMixTable } from './PersonaMixTable.js';
import { SimulatedPatients } from './SimulatedPatients.js';
import type { SimulationView } from './useSimulationView.js';
import './simulation.css';

const MAX_PATIENTS = 10_000;

interface Props {
  document: JourneyDocument;
  /** A journey with errors cannot run; the panel says so instead of simulating something else. */
  hasErrors: boolean;
  view: SimulationView;
  onClose: () => void;
}

export function SimulatePanel({ document, hasErrors, view, onClose }: Props) {
  const { state, run, cancel } = view.simulation;
  const [mixes, setMixes] = useState(defaultMixes);
  const [patients, setPatients] = useState(200);
  const [horizon, setHorizon] = useState('P90D');
  const [seed, setSeed] = useState(1);
  const problem = hasErrors
    ? 'Fix the problems of the journey first: the simulator runs what would be published.'
    : !Number.isInteger(patients) || patients < 1 || patients > MAX_PATIENTS
      ? `The cohort size must be a whole number from 1 to ${MAX_PATIENTS}.`
      : !isDuration(horizon)
        ? `The horizon "${horizon}" is not a duration such as P90D.`
        : mixProblem(mixes);
  const running = state.kind === 'running';
  const start = () => {
    view.openPatient(undefined);
    run({ document, mixes, patients, horizon, seed, start: Date.now() });
  };
  return (
    <aside
      className="canvas-overlay simulate-panel"
      aria-label="Simulate a cohort"
      data-testid="simulate-panel"
      data-state={state.kind}
    >
      <h2 className="panel-title">
        Simulate a cohort
        <button type="button" className="link small" onClick={onClose} data-testid="simulate-close">
          Close
        </button>
      </h2>
      <PersonaMixTable mixes={mixes} onChange={setMixes} />
      <div className="simulate-settings">
        <label>
          <span>Patients</span>
          <input
            type="number"
            min={1}
            max={MAX_PATIENTS}
            value={patients}
            onChange={(e) => setPatients(Number(e.target.value))}
            data-testid="simulate-patients"
          />
        </label>
        <label>
          <span>Horizon</span>
          <input
            value={horizon}
            onChange={(e) => setHorizon(e.target.value)}
            title="Virtual time each patient runs at most, e.g. P90D"
            data-testid="simulate-horizon"
          />
        </label>
        <label>
          <span>Seed</span>
          <input
            type="number"
            value={seed}
            onChange={(e) => setSeed(Math.trunc(Number(e.target.value)))}
            title="The same seed, journey and personas give the same cohort"
            data-testid="simulate-seed"
          />
        </label>
      </div>
      {problem && (
        <p className="error-text small" role="alert" data-testid="simulate-problem">
          {problem}
        </p>
      )}
      <div className="simulate-actions">
        {running ? (
          <>
            <progress
              value={state.done}
              max={state.total}
              aria-label="Patients simulated"
              data-testid="simulate-progress"
            />
            <span className="small">
              {state.done} / {state.total}
            </span>
            <button type="button" onClick={cancel} data-testid="simulate-cancel">
              Cancel
            </button>
          </>
        ) : (
          <button type="button" className="primary" onClick={start} disabled={!!problem} data-testid="simulate-run">
            Run simulation
          </button>
        )}
      </div>
      {state.kind === 'cancelled' && <p className="muted small">Cancelled; nothing is drawn.</p>}
      {state.kind === 'failed' && (
        <p className="error-text small" role="alert">
          The simulation failed: {state.message}
        </p>
      )}
      {state.kind === 'done' && (
        <>
          <p className="small" role="status" data-testid="simulate-summary" data-patients={state.summary.patients}>
            {state.summary.patients} patients in {Math.round(state.wallMs)} ms:{' '}
            {Object.entries(state.summary.byStatus)
              .filter(([, n]) => n > 0)
              .map(([status, n]) => `${n} ${status}`)
              .join(' · ')}
            . The canvas shows how many entered each step and took each output.
          </p>
          <SimulatedPatients
            patients={state.patients}
            document={document}
            openId={view.patientId}
            open={view.opened}
            onOpen={view.openPatient}
          />
        </>
      )}
    </aside>
  );
}
