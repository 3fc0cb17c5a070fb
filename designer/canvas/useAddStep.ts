/** Adding a step from the palette: a fresh id, the type's defaults, centred where it was dropped (or, pressed with a step selected, below that step and connected), then selected for the inspector. */
import { useCallback } from 'react';
import { useReactFlow } from '@xyflow/react';
import type { JourneyDocument, StepType } from '../../schema/index.js';
import type { JourneyChange } from '../model/changes.js';
import { nodeSize } from '../model/auto-layout.js';
import { createStep, freshStepId } from '../model/step-ids.js';
import { placeBelow } from '../model/place-below.js';

export function useAddStep(
  document: JourneyDocument,
  apply: (change: JourneyChange, options?: { coalesceKey?: string }) => void,
  mark: () => void,
  select: (stepId: string) => void,
  selectedStepId?: string,
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
  /** For a palette press (keyboard or click): below the selected step and connected to it, else the middle of the visible canvas. */
  const addInView = useCallback(
    (type: StepType) => {
      if (selectedStepId) {
        const stepId = freshStepId(document, type);
        const changes = placeBelow(document, selectedStepId, stepId, createStep(type, stepId));
        if (changes) {
          // Adding and connecting are one undoable change.
          mark();
          for (const change of changes) apply(change, { coalesceKey: `add:${stepId}` });
          mark();
          select(stepId);
          const at = changes[0].type === 'add-step' ? changes[0].position : undefined;
          if (at) void flow.setCenter(at.x + nodeSize.width / 2, at.y + nodeSize.height / 2, { zoom: flow.getZoom() });
          return;
        }
      }
      const bounds = globalThis.document.querySelector('[data-testid="canvas"]')?.getBoundingClientRect();
      const centre = bounds
        ? { x: bounds.left + bounds.width / 2, y: bounds.top + bounds.height / 3 }
        : { x: 400, y: 200 };
      addAt(type, flow.screenToFlowPosition(centre));
    },
    [addAt, apply, document, flow, mark, select, selectedStepId],
  );
  return { addAt, addInView };
}
