/** The Web Worker that runs a cohort through the pure simulator, off the page's thread, reporting progress; it keeps the paths and sends one when asked. */
import { prepareDefinition } from '../../runtime/engine/definition.js';
import { CohortTally, cohortPatients, type PatientResult } from '../../runtime/simulator/index.js';
import { personaFor } from './persona-mix.js';
import type { PatientRow, SimulationMessage, SimulationRequest, WorkerRequest } from './protocol.js';

/** Progress at most this often, so posting it never costs more than simulating. */
const PROGRESS_EVERY_MS = 50;

const post = (message: SimulationMessage) => self.postMessage(message);
/** The last run's patients, by id, for the paths the page asks for. */
let kept = new Map<string, PatientResult>();

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  try {
    if (request.type === 'run') run(request);
    else {
      const patient = kept.get(request.patientId);
      if (patient) post({ type: 'path', patient });
    }
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};

function run(request: SimulationRequest): void {
  const began = performance.now();
  // The draft as the engine will run it once published: migrated, defaults filled in.
  const definition = prepareDefinition(request.document);
  const personas = request.mixes.map((mix) => personaFor(definition, mix));
  const tally = new CohortTally();
  const rows: PatientRow[] = [];
  kept = new Map();
  let reported = began;
  post({ type: 'progress', done: 0, total: request.patients });
  for (const result of cohortPatients(definition, personas, {
    patients: request.patients,
    seed: request.seed,
    start: request.start,
    horizon: request.horizon,
  })) {
    tally.add(result);
    kept.set(result.patientId, result);
    const { patientId, personaId, status, reason, stoppedBy } = result;
    rows.push({ patientId, personaId, status, reason, stoppedBy, steps: result.path.length });
    const now = performance.now();
    if (now - reported >= PROGRESS_EVERY_MS) {
      reported = now;
      post({ type: 'progress', done: rows.length, total: request.patients });
    }
  }
  post({ type: 'done', summary: tally.result(), patients: rows, wallMs: performance.now() - began });
}
