/** The canvas node of a message step: channel, connector, the start of the template, and whether it awaits a reply. */
import type { NodeProps } from '@xyflow/react';
import type { MessageStep } from '../../../schema/index.js';
import { describeDuration } from '../../../schema/duration.js';
import { StepNodeShell } from './StepNodeShell.js';
import type { StepViewNode } from './view-data.js';

export function MessageNode({ data, selected }: NodeProps<StepViewNode>) {
  const step = data.step as Omit<MessageStep, 'outputs'>;
  // A draft is saved whatever its structure, so a field may be missing or of the wrong type: show it as empty.
  const template = typeof step.template === 'string' ? step.template : '';
  const preview = template.trim() ? (template.length > 80 ? `${template.slice(0, 80)}…` : template) : 'No text yet';
  return (
    <StepNodeShell data={data} selected={selected} typeLabel="Message">
      <div className="step-node__meta">
        {String(step.channel ?? '?').toUpperCase()} via {step.connector}
      </div>
      <div className={`step-node__template${template.trim() ? '' : ' is-empty'}`}>{preview}</div>
      {step.await?.timeout && (
        <div className="step-node__meta">Awaits reply · times out after {describeDuration(step.await.timeout)}</div>
      )}
    </StepNodeShell>
  );
}
