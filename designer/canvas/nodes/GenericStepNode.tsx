/** The canvas node for a step type that has no node of its own yet: name, type and handles still work, so the journey stays editable. */
import type { NodeProps } from '@xyflow/react';
import { isStepType, kindOfType } from '../../../schema/index.js';
import { StepNodeShell } from './StepNodeShell.js';
import type { StepViewNode } from './view-data.js';

export function GenericStepNode({ data, selected }: NodeProps<StepViewNode>) {
  const type = data.step.type;
  return (
    <StepNodeShell data={data} selected={selected} typeLabel={isStepType(type) ? kindOfType(type).label : type}>
      <div className="step-node__meta">Settings in the JSON tab</div>
    </StepNodeShell>
  );
}
