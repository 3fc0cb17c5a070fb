/** The canvas node of an end step: the enrollment completes here. */
import type { NodeProps } from '@xyflow/react';
import { StepNodeShell } from './StepNodeShell.js';
import type { StepViewNode } from './view-data.js';

export function EndNode({ data, selected }: NodeProps<StepViewNode>) {
  return (
    <StepNodeShell data={data} selected={selected} typeLabel="End">
      <div className="step-node__meta">Enrollment completes</div>
    </StepNodeShell>
  );
}
