/** Positions for steps the document has no layout for (imported or hand-written JSON), computed with dagre top to bottom. */
import { Graph, layout } from '@dagrejs/dagre';
import { outputsOf, type JourneyDocument, type Step } from '../../schema/index.js';
import type { Position } from './changes.js';

/** Nominal node size for layout; close to the rendered card so ranks do not overlap. */
export const nodeSize = { width: 240, height: 110 } as const;

/** Room one output label needs along the bottom edge of a node: about 7.5px a character at 10px bold, and a gap. */
const outputWidth = (output: string) => Math.max(56, Math.ceil(output.length * 7.5) + 16);

/** Where each output's handle sits along the bottom edge, in percent: each gets a slot as wide as its label, so long names do not collide. */
export function outputOffsets(outputs: readonly string[]): number[] {
  const widths = outputs.map(outputWidth);
  const total = widths.reduce((sum, w) => sum + w, 0);
  let start = 0;
  return widths.map((w) => {
    const centre = start + w / 2;
    start += w;
    return (centre / total) * 100;
  });
}

/** A node's width: the nominal card, widened when its outputs (a split's bands, a task's outcomes) would not fit below it. */
export function nodeWidth(outputs: readonly string[]): number {
  return Math.max(
    nodeSize.width,
    outputs.reduce((sum, output) => sum + outputWidth(output), 0),
  );
}

/** The width of a step's node; a half-formed step from hand-written JSON gets the nominal width. */
export function stepNodeWidth(step: Step): number {
  try {
    return nodeWidth(outputsOf(step));
  } catch {
    return nodeSize.width;
  }
}

/** A step's node height for layout: message cards carry a template preview, a loop cap adds a line. Measured sizes are not known yet. */
export function stepNodeHeight(step: Step): number {
  const base = step.type === 'message' ? 140 + (step.await ? 16 : 0) : nodeSize.height;
  return base + (step.maxVisits !== undefined ? 16 : 0);
}

/** Top-left positions for every step, laid out by dagre along the journey's outputs. */
export function autoLayout(document: JourneyDocument): Record<string, Position> {
  const graph = new Graph({ multigraph: true });
  graph.setGraph({ rankdir: 'TB', nodesep: 40, ranksep: 60 });
  graph.setDefaultEdgeLabel(() => ({}));
  const ids = Object.keys(document.steps);
  const widths = new Map(ids.map((id) => [id, stepNodeWidth(document.steps[id])]));
  const heights = new Map(ids.map((id) => [id, stepNodeHeight(document.steps[id])]));
  for (const id of ids) graph.setNode(id, { width: widths.get(id)!, height: heights.get(id)! });
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
    positions[id] = { x: Math.round(node.x - widths.get(id)! / 2), y: Math.round(node.y - heights.get(id)! / 2) };
  }
  return positions;
}
