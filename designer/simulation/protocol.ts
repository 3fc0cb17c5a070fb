/** The messages between the Simulate panel and its Web Worker: one run request, then progress, and the cohort or an error. */
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

export type SimulationMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; summary: CohortSummary; patients: PatientResult[]; wallMs: number }
  | { type: 'error'; message: string };
