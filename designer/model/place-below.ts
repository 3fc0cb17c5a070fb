/** A palette press with a step selected: the new step goes below it, connected from its first free output, as one list of changes. */
import { kindOf, type JourneyDocument, type Step } from '../../schema/index.js';
import type { JourneyChange, Position } from './changes.js';
import { stepNodeHeight, stepNodeWidth } from './auto-layout.js';

/** Vertical room between a step and the one placed below it: enough for the edge and its output label. */
const gapBelow = 70;

/**
 * The first required output of `step` that leads nowhere yet, in the order the step offers them; undefined when all
 * are taken. Optional outputs (`failed`) are left alone: a fallback path is a choice, not the obvious next step.
 */
export function firstFreeOutput(step: Step): string | undefined {
  let offered: readonly string[];
  try {
    offered = kindOf(step).requiredOutputs(step);
  } catch {
    // A half-formed step (hand-written JSON) offers nothing to connect from.
    return undefined;
  }
  return offered.find((output) => !Object.prototype.hasOwnProperty.call(step.outputs, output));
}

/** True when a card at `at` would overlap one already laid out. */
function overlaps(document: JourneyDocument, at: Position, width: number, height: number): boolean {
  for (const [id, position] of Object.entries(document.layout?.steps ?? {})) {
    const step = document.steps[id];
    if (!step) continue;
    const w = stepNodeWidth(step);
    const h = stepNodeHeight(step);
    if (at.x < position.x + w && position.x < at.x + width && at.y < position.y + h && position.y < at.y + height)
      return true;
  }
  return false;
}

/**
 * The changes that add `step` below `belowId`: an add-step at a free spot under it (moved right past any card
 * already there, so nothing is covered) and a connect from its first free output. Undefined when `belowId` has no
 * position to be below; the caller then adds in view as before.
 */
export function placeBelow(
  document: JourneyDocument,
  belowId: string,
  stepId: string,
  step: Step,
): JourneyChange[] | undefined {
  const above = document.steps[belowId];
  const at = document.layout?.steps[belowId];
  if (!above || !at) return undefined;
  const width = stepNodeWidth(step);
  const height = stepNodeHeight(step);
  const position = {
    x: at.x + Math.round((stepNodeWidth(above) - width) / 2),
    y: at.y + stepNodeHeight(above) + gapBelow,
  };
  while (overlaps(document, position, width, height)) position.x += width + 40;
  const changes: JourneyChange[] = [{ type: 'add-step', stepId, step, position }];
  const output = firstFreeOutput(above);
  if (output) changes.push({ type: 'connect', source: belowId, output, target: stepId });
  return changes;
}
