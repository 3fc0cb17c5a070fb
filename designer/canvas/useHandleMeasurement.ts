/**
 * Keeps React Flow's measurements of each step's handles current, so every edge can be drawn. React Flow measures
 * a node's handles when it first draws it and when it resizes; two cases slip past that, and an edge that cannot find
 * its handle is silently not drawn.
 */
import { useEffect, useRef } from 'react';
import { useStore, useUpdateNodeInternals, type ReactFlowState } from '@xyflow/react';
import type { StepViewNode } from './nodes/view-data.js';

/**
 * Steps that are measured but have lost their handle positions. A step object handed to React Flow before its first
 * measurement reached the document carries no size; React Flow then forgets the handles it had just measured, and,
 * when both happen between two renders, nothing measures them again.
 */
const unmeasuredHandles = (state: ReactFlowState) => {
  const ids: string[] = [];
  for (const node of state.nodeLookup.values())
    if (!node.hidden && node.measured.width && !node.internals.handleBounds) ids.push(node.id);
  return ids.join(' ');
};

export function useHandleMeasurement(nodes: StepViewNode[]) {
  const updateNodeInternals = useUpdateNodeInternals();

  // A step that gains or loses outputs (reply classes, split branches) keeps its size: re-measure its handles.
  const handlesOf = useRef(new Map<string, string>());
  useEffect(() => {
    const changed: string[] = [];
    const next = new Map<string, string>();
    for (const node of nodes) {
      const handles = node.data.outputs.join(',');
      const before = handlesOf.current.get(node.id);
      if (before !== undefined && before !== handles) changed.push(node.id);
      next.set(node.id, handles);
    }
    handlesOf.current = next;
    if (changed.length > 0) updateNodeInternals(changed);
  }, [nodes, updateNodeInternals]);

  // A step whose handles were forgotten: measure them again (steps not drawn, far outside the view, are skipped).
  const lost = useStore(unmeasuredHandles);
  useEffect(() => {
    if (lost) updateNodeInternals(lost.split(' '));
  }, [lost, updateNodeInternals]);
}
