/** A cohort: personas assigned by weight, each patient simulated on its own stream, and the counts per status, step, edge and goal. */
import type { JourneyDocument } from '../../schema/document.js';
import type { EnrollmentStatus } from '../engine/types.js';
import { millis } from './behaviour.js';
import type { Persona } from './personas.js';
import { simulatePatient, type PatientResult } from './simulate.js';

export interface CohortOptions {
  patients: number;
  seed: number | string;
  /** The first enrollment, epoch milliseconds. */
  start: number;
  /** Spread enrollments evenly over this period (ISO 8601) instead of enrolling everyone at `start`. */
  enrollOver?: string;
  horizon?: string;
  maxEvents?: number;
  /** Keep every patient's path in the result (default true); a benchmark of many patients may only want the counts. */
  keepPaths?: boolean;
}

export interface CohortSummary {
  patients: number;
  byStatus: Record<EnrollmentStatus, number>;
  byPersona: Record<string, number>;
  /** Why patients exited or failed, and why still-running ones stopped (`horizon`, `max-events`, `idle`). */
  reasons: Record<string, number>;
  /** How many times each step was entered, counting every visit. */
  stepCounts: Record<string, number>;
  /** How many times each output was taken, keyed `step:output`. */
  edgeCounts: Record<string, number>;
  /** Patients who reached each goal. */
  goals: Record<string, number>;
  messages: number;
  failedDeliveries: number;
  tasks: number;
  /** Engine events processed, for throughput figures. */
  events: number;
  /** Virtual time from enrollment to the end, over the patients whose enrollment ended. */
  durationMs: { ended: number; mean: number; p50: number; p90: number; max: number };
}

export interface CohortResult {
  summary: CohortSummary;
  /** In patient order; empty when `keepPaths` is false. */
  results: PatientResult[];
}

/**
 * Which persona each patient gets: smooth weighted round-robin, so the shares are exact whenever they can be
 * (70/30 over 1,000 patients is 700 and 300) and the personas are interleaved rather than in blocks.
 */
export function assignPersonas(personas: readonly Persona[], patients: number): number[] {
  if (personas.length === 0) throw new RangeError('a cohort needs at least one persona');
  const total = personas.reduce((sum, p) => sum + p.weight, 0);
  const current = personas.map(() => 0);
  const assigned: number[] = [];
  for (let i = 0; i < patients; i++) {
    let best = 0;
    for (let j = 0; j < personas.length; j++) {
      current[j] += personas[j].weight;
      if (current[j] > current[best]) best = j;
    }
    current[best] -= total;
    assigned.push(best);
  }
  return assigned;
}

/** Adds patients up one at a time, so a host can run a cohort in chunks (the designer, between frames) and still get one summary. */
export class CohortTally {
  private summary: CohortSummary = {
    patients: 0,
    byStatus: { running: 0, completed: 0, exited: 0, failed: 0 },
    byPersona: {},
    reasons: {},
    stepCounts: {},
    edgeCounts: {},
    goals: {},
    messages: 0,
    failedDeliveries: 0,
    tasks: 0,
    events: 0,
    durationMs: { ended: 0, mean: 0, p50: 0, max: 0, p90: 0 },
  };
  private durations: number[] = [];

  add(result: PatientResult): void {
    const s = this.summary;
    s.patients += 1;
    s.byStatus[result.status] += 1;
    bump(s.byPersona, result.personaId);
    const reason =
      result.status === 'running' ? result.stoppedBy : result.status === 'completed' ? undefined : result.reason;
    if (reason !== undefined) bump(s.reasons, reason);
    for (const entry of result.path) {
      bump(s.stepCounts, entry.step);
      if (entry.output !== undefined) bump(s.edgeCounts, `${entry.step}:${entry.output}`);
    }
    for (const goal of result.goals) bump(s.goals, goal);
    s.messages += result.messages;
    s.failedDeliveries += result.failedDeliveries;
    s.tasks += result.tasks;
    s.events += result.events;
    if (result.endedAt !== undefined) this.durations.push(Date.parse(result.endedAt) - Date.parse(result.startedAt));
  }

  /** The counts so far; keys sorted so equal cohorts print and serialise identically. */
  result(): CohortSummary {
    const sorted = [...this.durations].sort((a, b) => a - b);
    const at = (q: number) =>
      sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    const s = this.summary;
    return {
      ...s,
      byPersona: sortKeys(s.byPersona),
      reasons: sortKeys(s.reasons),
      stepCounts: sortKeys(s.stepCounts),
      edgeCounts: sortKeys(s.edgeCounts),
      goals: sortKeys(s.goals),
      durationMs: {
        ended: sorted.length,
        mean: sorted.length === 0 ? 0 : Math.round(sorted.reduce((a, b) => a + b, 0) / sorted.length),
        p50: at(0.5),
        p90: at(0.9),
        max: sorted.at(-1) ?? 0,
      },
    };
  }
}

/** Simulates `patients` patients. Same definition, personas and options → identical result, on any machine. */
export function simulateCohort(
  definition: JourneyDocument,
  personas: readonly Persona[],
  options: CohortOptions,
): CohortResult {
  const tally = new CohortTally();
  const results: PatientResult[] = [];
  for (const result of cohortPatients(definition, personas, options)) {
    tally.add(result);
    if (options.keepPaths !== false) results.push(result);
  }
  return { summary: tally.result(), results };
}

/**
 * The cohort's patients one at a time, in patient order: a host that must stay responsive (the designer's Web Worker)
 * reports progress between them, and gets exactly the patients `simulateCohort` would.
 */
export function* cohortPatients(
  definition: JourneyDocument,
  personas: readonly Persona[],
  options: Omit<CohortOptions, 'keepPaths'>,
): Generator<PatientResult, void, undefined> {
  const assigned = assignPersonas(personas, options.patients);
  const spread = options.enrollOver ? millis(options.enrollOver) : 0;
  const width = String(options.patients).length;
  for (let i = 0; i < options.patients; i++) {
    yield simulatePatient(definition, personas[assigned[i]], {
      start: options.start + Math.floor((i * spread) / Math.max(1, options.patients)),
      seed: options.seed,
      patientIndex: i,
      patientId: `patient-${String(i + 1).padStart(width, '0')}`,
      ...(options.horizon !== undefined ? { horizon: options.horizon } : {}),
      ...(options.maxEvents !== undefined ? { maxEvents: options.maxEvents } : {}),
    });
  }
}

function bump(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

function sortKeys(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
