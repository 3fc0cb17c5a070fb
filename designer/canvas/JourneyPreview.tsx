/** A whole journey on a read-only canvas, laid out as the editor lays it out: for stories, for checking the examples open cleanly, and for an enrollment's path on the patient's record. */
import { ReactFlow, ReactFlowProvider, Background } from '@xyflow/react';
import { validateJourney, type JourneyDocument } from '../../schema/index.js';
import { documentToGraph } from '../model/projection.js';
import { problemsByStep } from '../model/problems-by-step.js';
import { emptyOverlay, type PathOverlay } from '../model/path-overlay.js';
import { viewGraph } from './view-graph.js';
import { nodeTypes } from './nodes/index.js';
import { edgeTypes } from './edges/OutputEdgeView.js';

export function JourneyPreview({
  document,
  width = 1400,
  height = 1000,
  overlay = emptyOverlay,
}: {
  document: JourneyDocument;
  width?: number | string;
  height?: number | string;
  /** A patient's path to light: visited steps, taken edges, the step they are in. */
  overlay?: PathOverlay;
}) {
  const problems = problemsByStep(validateJourney(document).problems);
  const { nodes, edges } = viewGraph(documentToGraph(document), {
    problems,
    overlay,
    selectedEdgeIds: new Set(),
    measured: new Map(),
  });
  return (
    <ReactFlowProvider>
      <div style={{ width, height }} data-testid="journey-preview">
        <ReactFlow
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          fitView
          nodesDraggable={false}
          nodesConnectable={false}
          proOptions={{ hideAttribution: true }}
        >
          <Background />
        </ReactFlow>
      </div>
    </ReactFlowProvider>
  );
}
