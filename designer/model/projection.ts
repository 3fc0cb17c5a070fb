/** The canvas as a projection of the journey document: steps become React Flow nodes, connected outputs become edges. */
import type { Edge, Node } from '@xyflow/react';
import type { JourneyDocument, Step, StepType } from '../../schema/index.js';
import { autoLayout } from './auto-layout.js';

/** A step as its node carries it; outputs live on the edges, so the graph has one truth for each transition. */
export type StepWithoutOutputs = Omit<Step, 'outputs'>;

export interface StepNodeData extends Record<string, unknown> {
  stepId: string;
  step: StepWithoutOutputs;
  isStart: boolean;
  /** False when the position came from auto-layout rather than the document's `layout` block. */
  hasStoredPosition: boolean;
}

export type StepNode = Node<StepNodeData, StepType>;

export interface OutputEdgeData extends Record<string, unknown> {
  output: string;
}

export type OutputEdge = Edge<OutputEdgeData>;

/** Everything of the document that is not a step or a position, kept so the graph converts back losslessly. */
export type JourneyMeta = Omit<JourneyDocument, 'steps' | 'layout' | 'start'>;

export interface JourneyGraph {
  nodes: StepNode[];
  edges: OutputEdge[];
  start: string;
  meta: JourneyMeta;
  /** Whether the document had a `layout` block at all (an empty one is different from none). */
  hasLayout: boolean;
}

/** The target handle's id on every step node. */
export const targetHandleId = 'in';

/** A stable edge id: one edge per (step, output), since an output leads to exactly one step. */
export function edgeId(source: string, output: string): string {
  return `${source}:${output}`;
}

export function documentToGraph(document: JourneyDocument): JourneyGraph {
  const { steps, layout, start, ...meta } = document;
  const stored = layout?.steps ?? {};
  const needsLayout = Object.keys(steps).some((id) => !stored[id]);
  const computed = needsLayout ? autoLayout(document) : {};
  const nodes: StepNode[] = Object.entries(steps).map(([id, step]) => {
    const { outputs: _outputs, ...rest } = step;
    const position = stored[id] ?? computed[id];
    return {
      id,
      type: step.type,
      position: { x: position.x, y: position.y },
      data: { stepId: id, step: rest, isStart: id === start, hasStoredPosition: Boolean(stored[id]) },
    };
  });
  const edges: OutputEdge[] = [];
  for (const [id, step] of Object.entries(steps)) {
    for (const [output, target] of Object.entries(step.outputs)) {
      edges.push({
        id: edgeId(id, output),
        source: id,
        sourceHandle: output,
        target,
        targetHandle: targetHandleId,
        label: output,
        data: { output },
      });
    }
  }
  return { nodes, edges, start, meta, hasLayout: layout !== undefined };
}

/** The inverse of `documentToGraph`: rebuilds each step's outputs from the edges leaving it, and the layout from stored positions. */
export function graphToDocument(graph: JourneyGraph): JourneyDocument {
  const steps: Record<string, Step> = {};
  for (const node of graph.nodes) {
    const outputs: Record<string, string> = {};
    for (const edge of graph.edges) {
      if (edge.source === node.id) outputs[edge.data?.output ?? edge.sourceHandle ?? 'next'] = edge.target;
    }
    steps[node.id] = { ...node.data.step, outputs } as Step;
  }
  const document: JourneyDocument = { ...graph.meta, start: graph.start, steps };
  const positioned = graph.nodes.filter((node) => node.data.hasStoredPosition);
  if (graph.hasLayout || positioned.length > 0) {
    document.layout = {
      steps: Object.fromEntries(positioned.map((node) => [node.id, { x: node.position.x, y: node.position.y }])),
    };
  }
  return document;
}
