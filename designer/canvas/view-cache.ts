/**
 * Keeps node and edge objects from one render to the next when nothing they show has changed. React Flow
 * re-renders a node only when its object changes, so a drag or a keystroke redraws the steps it touches,
 * not all five hundred.
 */
import type { Problem, Step } from '../../schema/index.js';
import type { OutputEdge } from '../model/projection.js';
import type { StepViewNode } from './nodes/view-data.js';

interface NodeEntry {
  step: Step;
  key: string;
  node: StepViewNode;
}

export interface ViewCache {
  nodes: Map<string, NodeEntry>;
  edges: Map<string, { key: string; edge: OutputEdge }>;
  /** The arrays handed out last: returned again when no element changed, so React Flow skips its edge lookups. */
  nodeList: StepViewNode[];
  edgeList: OutputEdge[];
}

export function createViewCache(): ViewCache {
  return { nodes: new Map(), edges: new Map(), nodeList: [], edgeList: [] };
}

/** `next`, or `previous` when both hold the same objects in the same order. */
function sameOr<T>(previous: T[], next: T[]): T[] {
  return previous.length === next.length && next.every((item, i) => item === previous[i]) ? previous : next;
}

const problemsKey = (problems: Problem[]) =>
  problems.map((p) => `${p.severity}|${p.code}|${p.pointer}|${p.message}`).join('\n');

/** What a node shows besides its step: position, size, selection, start flag, path mark, handles and problems. */
function nodeKey(node: StepViewNode): string {
  const { data, position, measured, selected } = node;
  return [
    position.x,
    position.y,
    measured ? `${measured.width}x${measured.height}` : '',
    selected ? 1 : 0,
    data.isStart ? 1 : 0,
    data.hasStoredPosition ? 1 : 0,
    data.path ?? '',
    data.liveCount ?? '',
    data.liveCountMeaning ?? '',
    data.outputs.join(','),
    data.required.join(','),
    data.connected.join(','),
    problemsKey(data.problems),
  ].join('\u0000');
}

/** Returns `nodes` with every unchanged node replaced by the object rendered last time; forgets removed steps. */
export function reuseNodes(cache: ViewCache, steps: Record<string, Step>, nodes: StepViewNode[]): StepViewNode[] {
  const next = new Map<string, NodeEntry>();
  const result = nodes.map((node) => {
    const step = steps[node.id];
    const key = nodeKey(node);
    const previous = cache.nodes.get(node.id);
    const kept = previous && previous.step === step && previous.key === key ? previous.node : node;
    next.set(node.id, { step, key, node: kept });
    return kept;
  });
  cache.nodes = next;
  cache.nodeList = sameOr(cache.nodeList, result);
  return cache.nodeList;
}

/** Returns `edges` with every unchanged edge replaced by the object rendered last time. */
export function reuseEdges(cache: ViewCache, edges: OutputEdge[]): OutputEdge[] {
  const next = new Map<string, { key: string; edge: OutputEdge }>();
  const result = edges.map((edge) => {
    const key = [
      edge.source,
      edge.sourceHandle,
      edge.target,
      edge.selected ? 1 : 0,
      edge.animated ? 1 : 0,
      edge.label,
    ].join('\u0000');
    const previous = cache.edges.get(edge.id);
    const kept = previous && previous.key === key ? previous.edge : edge;
    next.set(edge.id, { key, edge: kept });
    return kept;
  });
  cache.edges = next;
  cache.edgeList = sameOr(cache.edgeList, result);
  return cache.edgeList;
}
