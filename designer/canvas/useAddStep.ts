/** Adding a step from the palette: a fresh id, the type's defaults, centred where it was dropped, then selected for the inspector. */
import { useCallback } from 'react';
import { useReactFlow } from '@xyflow/react';
import type { JourneyDocument, StepType } from '../../schema/index.js';
import type { JourneyChange } from '../model/changes.js';
import { nodeSize } from '../model/auto-layout.js';
import { createStep, freshStepId } from '../model/step-ids.js';

export function useAddStep(
  document: JourneyDocument,
  apply: (change: JourneyChange) => void,
  mark: () => void,
  select: (stepId: string) => void,
) {
  const flow = useReactFlow();
  const addAt = useCallback(
    (type: StepType, centre: { x: number; y: number }) => {
      const stepId = freshStepId(document, type);
      mark();
      apply({
        type: 'add-step',
        stepId,
        step: createStep(type, stepId),
        position: { x: Math.round(centre.x - nodeSize.width / 2), y: Math.round(centre.y - 30) },
      });
      mark();
      select(stepId);
    },
    [apply, document, mark, select],
  );
  /** For a palette press (keyboard or click): the middle of the visible canvas. */
  const addInView = useCallback(
    (type: StepType) => {
      const bounds = globalThis.document.querySelector('[data-testid="canvas"]')?.getBoundingClientRect();
      const centre = bounds
        ? { x: bounds.left + bounds.width / 2, y: bounds.top + bounds.height / 3 }
        : { x: 400, y: 200 };
      addAt(type, flow.screenToFlowPosition(centre));
    },
    [addAt, flow],
  );
  return { addAt, addInView };
}
