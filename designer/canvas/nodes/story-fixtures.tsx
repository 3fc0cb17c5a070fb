/** Helpers for step-node stories: nodes built from the example journey (or the catalogue fixture, for the other step types), rendered on a small read-only canvas. */
import { ReactFlow, ReactFlowProvider } from '@xyflow/react';
import type { Problem } from '../../../schema/index.js';
import { firstDoseCheckIn } from '../../model/fixtures.js';
import { catalogueJourney } from '../../model/catalogue-fixture.js';
import { documentToGraph } from '../../model/projection.js';
import { viewGraph } from '../view-graph.js';
import { emptyOverlay, type PathOverlay } from '../../model/path-overlay.js';
import { nodeTypes } from './index.js';
import type { StepNodeViewData } from './view-data.js';

export interface StepStoryArgs {
  stepId: string;
  problems?: Problem[];
  path?: 'visited' | 'current';
}

/** One step of the example journey on a canvas of its own, with its problems and path mark. */
export function StepOnCanvas({ stepId, problems = [], path }: StepStoryArgs) {
  const overlay: PathOverlay = path
    ? { ...emptyOverlay, visitedSteps: new Set([stepId]), currentStep: path === 'current' ? stepId : undefined }
    : emptyOverlay;
  const journey = stepId in firstDoseCheckIn.steps ? firstDoseCheckIn : catalogueJourney;
  const { nodes } = viewGraph(documentToGraph(journey), {
    problems: new Map([[stepId, problems]]),
    overlay,
    selectedEdgeIds: new Set(),
    measured: new Map(),
  });
  const node = nodes.find((n) => n.id === stepId)!;
  return (
    <ReactFlowProvider>
      <div style={{ width: 420, height: 320 }}>
        <ReactFlow
          nodes={[{ ...node, position: { x: 0, y: 0 } }]}
          edges={[]}
          nodeTypes={nodeTypes}
          fitView
          fitViewOptions={{ maxZoom: 1 }}
          proOptions={{ hideAttribution: true }}
        />
      </div>
    </ReactFlowProvider>
  );
}

export function problem(stepId: string, message: string, code = 'graph.unconnected-output'): Problem {
  return { code, pointer: `/steps/${stepId}`, stepId, severity: 'error', message };
}

export type { StepNodeViewData };
