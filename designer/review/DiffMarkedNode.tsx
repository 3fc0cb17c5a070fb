/** Wraps a step node of the canvas with its review mark: a coloured frame and a worded badge (Added, Removed, Changed, Unchanged since vK). */
import { memo, type ComponentType } from 'react';
import type { NodeProps } from '@xyflow/react';
import { nodeTypes } from '../canvas/nodes/index.js';
import type { StepViewNode } from '../canvas/nodes/view-data.js';
import type { DiffMark } from './diff-marks.js';

function withDiffMark(Inner: ComponentType<NodeProps<StepViewNode>>) {
  function Marked(props: NodeProps<StepViewNode>) {
    // The review canvas adds the mark to the node's data; the editor's nodes never carry one.
    const mark = (props.data as StepViewNode['data'] & { diffMark?: DiffMark }).diffMark;
    return (
      <div
        className={`diff-marked${mark ? ` diff-marked--${mark.kind}` : ''}`}
        data-testid={`review-step-${props.id}`}
        data-diff={mark?.kind}
      >
        {mark && (
          <span className="diff-badge" data-testid={`diff-badge-${props.id}`}>
            {mark.label}
          </span>
        )}
        <Inner {...props} />
      </div>
    );
  }
  return memo(Marked);
}

/** The editor's node components, each wrapped once (module scope), so React Flow never sees new node types; a new type fails to compile until listed. */
export const reviewNodeTypes = {
  message: withDiffMark(nodeTypes.message),
  wait: withDiffMark(nodeTypes.wait),
  end: withDiffMark(nodeTypes.end),
  generic: withDiffMark(nodeTypes.generic),
} satisfies Record<keyof typeof nodeTypes, unknown>;
