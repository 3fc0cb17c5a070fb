/** The messages between the Simulate panel and its Web Worker: a run, then progress and the cohort's counts and rows; a path on demand. */
import type { JourneyDocument } from '../../schema/index.js';
import type { CohortSummary, PatientResult } from '../../runtime/simulator/index.js';
import type { PersonaMix } from './persona-mix.js';

export interface SimulationRequest {
  document: JourneyDocument;
  mixes: PersonaMix[];
  patients: number;
  /** Virtual time to run each patient at most (ISO 8601). */
  horizon: string;
  seed: number;
  /** First enrollment, epoch milliseconds. */
  start: number;
}

/** A simulated patient as the list shows it; the path stays in the worker until the patient is opened. */
export type PatientRow = Pick<PatientResult, 'patientId' | 'personaId' | 'status' | 'reason' | 'stoppedBy'> & {
  steps: number;
};

export type WorkerRequest = ({ type: 'run' } & SimulationRequest) | { type: 'path'; patientId: string };

/**
 * Paths travel one at a time, on demand: copying ten thousand paths to the page at the end of a run held its
 * thread for a third of a second (Pharmacy refill, 10,000 patients); the rows and counts are small.
 */
export type SimulationMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; summary: CohortSummary; patients: PatientRow[]; wallMs: number }
  | { type: 'path'; patient: PatientResult }
  | { type: 'error'; message: string };
