/** An enrollment's path as the canvas draws it: the steps visited, the edges taken, and where the patient is now. */
import { edgeId } from '../model/projection.js';
import type { PathOverlay } from '../model/path-overlay.js';
import type { EnrollmentPath } from './patients-api.js';

export function overlayOfPath(path: EnrollmentPath): PathOverlay {
  return {
    visitedSteps: new Set(path.steps.map((s) => s.step)),
    takenEdges: new Set(path.steps.flatMap((s) => (s.output === undefined ? [] : [edgeId(s.step, s.output)]))),
    currentStep: path.currentStep,
    status: path.status as PathOverlay['status'],
  };
}
