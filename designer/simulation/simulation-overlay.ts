/** A simulated cohort and patient as the canvas draws them: counts in the live-counts shape, one patient's path as a path overlay. */
import type { CohortSummary, PatientResult } from '../../runtime/simulator/index.js';
import type { PathOverlay } from '../model/path-overlay.js';
import { edgeId } from '../model/projection.js';
import type { ViewOptions } from '../canvas/view-graph.js';

/** Patients who entered each step (every visit counts) and took each edge, keyed as live counts key edges (`step.output`). */
export function simulatedCounts(summary: CohortSummary): NonNullable<ViewOptions['liveCounts']> {
  const passed: Record<string, number> = {};
  for (const [key, count] of Object.entries(summary.edgeCounts)) {
    // Step ids may hold colons; the output is what follows the last one.
    const cut = key.lastIndexOf(':');
    passed[`${key.slice(0, cut)}.${key.slice(cut + 1)}`] = count;
  }
  return {
    atStep: summary.stepCounts,
    passed,
    meaning: 'Times simulated patients entered this step (every visit counts)',
  };
}

/** One simulated patient's path, marked on the canvas as a test enrollment's is. */
export function simulatedPathOverlay(patient: PatientResult): PathOverlay {
  const last = patient.path.at(-1);
  return {
    visitedSteps: new Set(patient.path.map((entry) => entry.step)),
    takenEdges: new Set(
      patient.path.filter((entry) => entry.output !== undefined).map((entry) => edgeId(entry.step, entry.output!)),
    ),
    currentStep: patient.status === 'running' && last && last.output === undefined ? last.step : undefined,
    status: patient.status,
  };
}
