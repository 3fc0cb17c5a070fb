/** Positions for steps the document has no layout for (imported or hand-written JSON), computed with dagre top to bottom. */
import { Graph, layout } from '@dagrejs/dagre';
import type { JourneyDocument } from '../../schema/index.js';
import type { Position } from './changes.js';

/** Nominal node size for layout; close to the rendered card so ranks do not overlap. */
export const nodeSize = { width: 240, height: 110 } as const;

/** Top-left positions for every step, laid out by dagre along the journey's outputs. */
export function autoLayout(document: JourneyDocument): Record<string, Position> {
  const graph = new Graph({ multigraph: true });
  graph.setGraph({ rankdir: 'TB', nodesep: 40, ranksep: 60 });
  graph.setDefaultEdgeLabel(() => ({}));
  const ids = Object.keys(document.steps);
  for (const id of ids) graph.setNode(id, { width: nodeSize.width, height: nodeSize.height });
  for (const [id, step] of Object.entries(document.steps)) {
    for (const [output, target] of Object.entries(step.outputs)) {
      if (graph.hasNode(target)) graph.setEdge(id, target, {}, output);
    }
  }
  layout(graph);
  const positions: Record<string, Position> = {};
  for (const id of ids) {
    const node = graph.node(id) as { x: number; y: number };
    // dagre gives centres; React Flow positions are top-left corners.
    positions[id] = { x: Math.round(node.x - nodeSize.width / 2), y: Math.round(node.y - nodeSize.height / 2) };
  }
  return positions;
}
