/** The canvas node of the step types without a node of their own: type, name, handles and a one-line summary of the settings. */
import type { NodeProps } from '@xyflow/react';
import { isStepType, kindOfType } from '../../../schema/index.js';
import { describeStep, type StepSansOutputs } from '../../model/step-summary.js';
import { StepNodeShell } from './StepNodeShell.js';
import type { StepViewNode } from './view-data.js';

export function GenericStepNode({ data, selected }: NodeProps<StepViewNode>) {
  const type = data.step.type;
  // A step read from hand-written JSON may be half-formed; the summary must never take the canvas down with it.
  let summary: string | undefined;
  try {
    summary = describeStep(data.step as StepSansOutputs);
  } catch {
    summary = undefined;
  }
  return (
    <StepNodeShell data={data} selected={selected} typeLabel={isStepType(type) ? kindOfType(type).label : type}>
      <div className="step-node__meta" data-testid={`step-summary-${data.stepId}`}>
        {summary ?? 'Settings in the inspector'}
      </div>
    </StepNodeShell>
  );
}
