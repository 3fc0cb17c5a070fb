/** The canvas node of a wait step: how long, or until when, the journey pauses, in words. */
import type { NodeProps } from '@xyflow/react';
import type { WaitStep } from '../../../schema/index.js';
import { describeWait } from '../../model/step-summary.js';
import { StepNodeShell } from './StepNodeShell.js';
import type { StepViewNode } from './view-data.js';

export function WaitNode({ data, selected }: NodeProps<StepViewNode>) {
  const step = data.step as Omit<WaitStep, 'outputs'>;
  return (
    <StepNodeShell data={data} selected={selected} typeLabel="Wait">
      <div className="step-node__meta" data-testid={`step-summary-${data.stepId}`}>
        {step.wait ? describeWait(step.wait) : 'No wait set'}
      </div>
    </StepNodeShell>
  );
}
