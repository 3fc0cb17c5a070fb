/** What an enrollment's path means on the canvas: the steps visited, the edges taken, and where the patient is now. */
import type { EnrollmentState } from '../../runtime/engine/types.js';
import { edgeId } from './projection.js';

export interface PathOverlay {
  visitedSteps: Set<string>;
  takenEdges: Set<string>;
  currentStep?: string;
  status?: EnrollmentState['status'];
}

export const emptyOverlay: PathOverlay = { visitedSteps: new Set(), takenEdges: new Set() };

export function pathOverlay(state: EnrollmentState | null | undefined): PathOverlay {
  if (!state) return emptyOverlay;
  const visitedSteps = new Set(state.path.map((entry) => entry.step));
  // An entry's output names the edge the patient left by; entries without one are the step they are still in.
  const takenEdges = new Set(
    state.path.filter((entry) => entry.output !== undefined).map((entry) => edgeId(entry.step, entry.output!)),
  );
  const currentStep = state.status === 'running' && state.phase.kind !== 'done' ? state.phase.step : undefined;
  return { visitedSteps, takenEdges, currentStep, status: state.status };
}
