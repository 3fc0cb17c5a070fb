/** The Web Worker that runs a cohort through the pure simulator, off the page's thread, reporting progress as it goes. */
import { prepareDefinition } from '../../runtime/engine/definition.js';
import { CohortTally, cohortPatients, type PatientResult } from '../../runtime/simulator/index.js';
import { personaFor } from './persona-mix.js';
import type { SimulationMessage, SimulationRequest } from './protocol.js';

/** Progress at most this often, so posting it never costs more than simulating. */
const PROGRESS_EVERY_MS = 50;

const post = (message: SimulationMessage) => self.postMessage(message);

self.onmessage = (event: MessageEvent<SimulationRequest>) => {
  try {
    run(event.data);
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
  const patients: PatientResult[] = [];
  let reported = began;
  post({ type: 'progress', done: 0, total: request.patients });
  for (const result of cohortPatients(definition, personas, {
    patients: request.patients,
    seed: request.seed,
    start: request.start,
    horizon: request.horizon,
  })) {
    tally.add(result);
    patients.push(result);
    const now = performance.now();
    if (now - reported >= PROGRESS_EVERY_MS) {
      reported = now;
      post({ type: 'progress', done: patients.length, total: request.patients });
    }
  }
  post({ type: 'done', summary: tally.result(), patients, wallMs: performance.now() - began });
}
