/** Dresses the projected graph for display: problems and path marks on nodes, taken edges animated, selection applied. */
import { MarkerType } from '@xyflow/react';
import { kindOf, outputsOf, type Problem, type Step } from '../../schema/index.js';
import type { JourneyGraph, OutputEdge } from '../model/projection.js';
import type { PathOverlay } from '../model/path-overlay.js';
import type { StepViewNode } from './nodes/view-data.js';
import { nodeTypeOf } from './nodes/index.js';

export interface ViewOptions {
  problems: Map<string, Problem[]>;
  overlay: PathOverlay;
  selectedStepId?: string;
  selectedEdgeIds: ReadonlySet<string>;
  /** Sizes React Flow measured, kept by the view because the document has no business knowing them. */
  measured: ReadonlyMap<string, { width: number; height: number }>;
  /** Where steps being dragged are right now; the document learns the position when the drag ends. */
  dragging?: ReadonlyMap<string, { x: number; y: number }>;
  /** A published version's live counts: patients at each step now, and past each edge (`step.output`). */
  liveCounts?: {
    atStep: Record<string, number>;
    passed: Record<string, number>;
    /** What a step's count means, for its tooltip (a simulation counts entries); patients there now when absent. */
    meaning?: string;
  };
}

export function viewGraph(graph: JourneyGraph, options: ViewOptions): { nodes: StepViewNode[]; edges: OutputEdge[] } {
  const connectedBySource = new Map<string, string[]>();
  for (const edge of graph.edges)
    connectedBySource.set(edge.source, [...(connectedBySource.get(edge.source) ?? []), edge.data!.output]);
  const nodes: StepViewNode[] = graph.nodes.map((node) => {
    const step = { ...node.data.step, outputs: {} } as Step;
    const path =
      options.overlay.currentStep === node.id
        ? 'current'
        : options.overlay.visitedSteps.has(node.id)
          ? 'visited'
          : undefined;
    return {
      ...node,
      type: nodeTypeOf(node.type ?? '') as StepViewNode['type'],
      position: options.dragging?.get(node.id) ?? node.position,
      selected: node.id === options.selectedStepId,
      measured: options.measured.get(node.id),
      data: {
        ...node.data,
        problems: options.problems.get(node.id) ?? [],
        outputs: outputsOf(step),
        required: kindOf(step).requiredOutputs(step),
        connected: connectedBySource.get(node.id) ?? [],
        path,
        ...(options.liveCounts ? { liveCount: options.liveCounts.atStep[node.id] ?? 0 } : {}),
        ...(options.liveCounts?.meaning ? { liveCountMeaning: options.liveCounts.meaning } : {}),
      },
    };
  });
  const edges: OutputEdge[] = graph.edges.map((edge) => {
    const taken = options.overlay.takenEdges.has(edge.id);
    const passed = options.liveCounts?.passed[`${edge.source}.${edge.data!.output}`];
    return {
      ...edge,
      type: 'output',
      // The output's name is on the card where the edge starts; the edge's own label is the count that passed it.
      label: passed === undefined ? undefined : String(passed),
      selected: options.selectedEdgeIds.has(edge.id),
      animated: taken,
      className: taken ? 'edge-taken' : undefined,
      markerEnd: { type: MarkerType.ArrowClosed },
      ariaLabel: `${edge.source} ${edge.data!.output} to ${edge.target}`,
    };
  });
  return { nodes, edges };
}
