/** The version under review on a read-only canvas: no palette, no dragging or connecting; steps marked by the diff; a click selects a step. */
import { useMemo } from 'react';
import { Background, Controls, ReactFlow, ReactFlowProvider, type NodeChange } from '@xyflow/react';
import type { JourneyDocument } from '../../schema/index.js';
import { documentToGraph, type OutputEdge } from '../model/projection.js';
import { emptyOverlay } from '../model/path-overlay.js';
import { viewGraph } from '../canvas/view-graph.js';
import type { StepViewNode } from '../canvas/nodes/view-data.js';
import { reviewNodeTypes } from './DiffMarkedNode.js';
import type { DiffMark } from './diff-marks.js';

interface Props {
  /** The version's document, with removed steps added back as ghosts (see documentWithRemovedSteps). */
  document: JourneyDocument;
  marks: Map<string, DiffMark>;
  selectedStepId?: string;
  onSelectStep: (stepId: string | undefined) => void;
}

const noProblems = new Map();
const noEdges = new Set<string>();
const noSizes = new Map();

export function ReviewCanvas({ document, marks, selectedStepId, onSelectStep }: Props) {
  const { nodes, edges } = useMemo(() => {
    const view = viewGraph(documentToGraph(document), {
      problems: noProblems,
      overlay: emptyOverlay,
      selectedStepId,
      selectedEdgeIds: noEdges,
      measured: noSizes,
    });
    return {
      nodes: view.nodes.map((node) => ({ ...node, data: { ...node.data, diffMark: marks.get(node.id) } })),
      edges: view.edges,
    };
  }, [document, marks, selectedStepId]);

  // Keyboard selection (Tab to a step, Enter) and clicks both arrive as select changes.
  const onNodesChange = (changes: NodeChange<StepViewNode>[]) => {
    for (const change of changes) if (change.type === 'select' && change.selected) onSelectStep(change.id);
  };

  return (
    <ReactFlowProvider>
      <div className="canvas review-canvas" data-testid="review-canvas">
        <ReactFlow<StepViewNode, OutputEdge>
          nodes={nodes}
          edges={edges}
          nodeTypes={reviewNodeTypes}
          onNodesChange={onNodesChange}
          onPaneClick={() => onSelectStep(undefined)}
          nodesDraggable={false}
          nodesConnectable={false}
          edgesFocusable={false}
          deleteKeyCode={null}
          fitView
          fitViewOptions={{ padding: 0.15, maxZoom: 1 }}
          minZoom={0.2}
          proOptions={{ hideAttribution: true }}
        >
          <Background gap={20} />
          <Controls showInteractive={false} />
        </ReactFlow>
      </div>
    </ReactFlowProvider>
  );
}
