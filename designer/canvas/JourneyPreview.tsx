/** A whole journey on a read-only canvas, laid out as the editor lays it out: for stories and for checking the examples open cleanly. */
import { ReactFlow, ReactFlowProvider, Background } from '@xyflow/react';
import { validateJourney, type JourneyDocument } from '../../schema/index.js';
import { documentToGraph } from '../model/projection.js';
import { problemsByStep } from '../model/problems-by-step.js';
import { emptyOverlay } from '../model/path-overlay.js';
import { viewGraph } from './view-graph.js';
import { nodeTypes } from './nodes/index.js';
import { edgeTypes } from './edges/OutputEdgeView.js';

export function JourneyPreview({
  document,
  width = 1400,
  height = 1000,
}: {
  document: JourneyDocument;
  width?: number;
  height?: number;
}) {
  const problems = problemsByStep(validateJourney(document).problems);
  const { nodes, edges } = viewGraph(documentToGraph(document), {
    problems,
    overlay: emptyOverlay,
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
