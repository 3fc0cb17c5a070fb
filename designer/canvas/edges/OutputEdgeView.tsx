/**
 * An edge from a step's output. Its label (patients who passed, live or simulated) sits just below the output's
 * handle, inside the slot the card gives that output, so two labels never overlap: the slots of one card are side by
 * side, and two cards do not overlap. At the middle of the curve, labels of crossing or parallel edges collided.
 */
import { BaseEdge, getBezierPath, type EdgeProps } from '@xyflow/react';
import type { OutputEdge } from '../../model/projection.js';

/** Below the handle, clear of the arrowheads of edges arriving at a step drawn underneath. */
export const LABEL_OFFSET = 16;

export function OutputEdgeView({
  id,
  sourceX,
  sourceY,
  targetX,
  targetY,
  sourcePosition,
  targetPosition,
  label,
  markerEnd,
  style,
  interactionWidth,
}: EdgeProps<OutputEdge>) {
  const [path] = getBezierPath({ sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition });
  return (
    <BaseEdge
      id={id}
      path={path}
      markerEnd={markerEnd}
      style={style}
      interactionWidth={interactionWidth}
      label={label}
      labelX={sourceX}
      labelY={sourceY + LABEL_OFFSET}
      labelShowBg
      labelBgPadding={[4, 2]}
      labelBgBorderRadius={3}
    />
  );
}

export const edgeTypes = { output: OutputEdgeView };
