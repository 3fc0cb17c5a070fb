/** The frame every step node shares: header with type and name, problem badge, one target handle, one labelled source handle per output. */
// Problems show as the badge (its title lists them) and in the problems list, never as text in the card: a card that
// grew with its problems covered its neighbours' handles. Handles are named by `title`, not `aria-label`: they are
// plain divs with no role, where ARIA forbids a label (axe: aria-prohibited-attr).
import type { ReactNode } from 'react';
import { Handle, Position } from '@xyflow/react';
import { targetHandleId } from '../../model/projection.js';
import { nodeWidth, outputOffsets } from '../../model/auto-layout.js';
import type { StepNodeViewData } from './view-data.js';

interface Props {
  data: StepNodeViewData;
  selected?: boolean;
  typeLabel: string;
  children?: ReactNode;
}

export function StepNodeShell({ data, selected, typeLabel, children }: Props) {
  const { stepId, step, isStart, problems, outputs, required, connected, path, liveCount, liveCountMeaning } = data;
  const errors = problems.filter((p) => p.severity === 'error');
  const offsets = outputOffsets(outputs);
  const classes = [
    'step-node',
    `step-node--${step.type}`,
    selected && 'is-selected',
    errors.length > 0 && 'has-errors',
    path && `on-path is-${path}`,
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div
      className={classes}
      style={{ width: nodeWidth(outputs) }}
      data-testid={`step-node-${stepId}`}
      data-step-id={stepId}
      data-step-type={step.type}
      data-start={isStart || undefined}
      data-problems={errors.length}
      data-path={path}
      aria-label={`${typeLabel} step ${step.name ?? stepId}${errors.length ? `, ${errors.length} problem${errors.length === 1 ? '' : 's'}` : ''}`}
    >
      <Handle
        type="target"
        position={Position.Top}
        id={targetHandleId}
        className="step-handle step-handle--in"
        data-testid={`handle-in-${stepId}`}
        title={`Into ${step.name ?? stepId}`}
      />
      <header className="step-node__head">
        <span className="step-node__icon" aria-hidden="true" />
        <span className="step-node__type">{typeLabel}</span>
        {isStart && (
          <span className="step-node__start" data-testid={`start-marker-${stepId}`}>
            Start
          </span>
        )}
        {liveCount !== undefined && (
          <span
            className="step-node__live"
            data-testid={`live-count-${stepId}`}
            title={liveCountMeaning ?? 'Patients at this step now'}
          >
            {liveCount}
          </span>
        )}
        {errors.length > 0 && (
          <span
            className="step-node__badge"
            data-testid={`problem-badge-${stepId}`}
            title={errors.map((p) => p.message).join('\n')}
          >
            {errors.length}
          </span>
        )}
      </header>
      <div className="step-node__name">{step.name || stepId}</div>
      {children && <div className="step-node__summary">{children}</div>}
      {step.maxVisits !== undefined && (
        <div className="step-node__meta step-node__cap" data-testid={`step-cap-${stepId}`}>
          At most {step.maxVisits} visit{step.maxVisits === 1 ? '' : 's'}
        </div>
      )}
      <div className="step-node__outputs">
        {outputs.map((output, i) => {
          const left = `${offsets[i]}%`;
          const isConnected = connected.includes(output);
          const state = isConnected ? 'connected' : required.includes(output) ? 'missing' : 'optional';
          return (
            <div
              key={output}
              className={`step-output is-${state}`}
              style={{ left }}
              title={
                state === 'missing'
                  ? `"${output}" must lead to a next step`
                  : state === 'optional'
                    ? `"${output}" is optional`
                    : undefined
              }
            >
              <span className="step-output__label">{output}</span>
              <Handle
                type="source"
                position={Position.Bottom}
                id={output}
                className="step-handle step-handle--out"
                style={{ left: '50%' }}
                data-testid={`handle-out-${stepId}-${output}`}
                data-output={output}
                title={`Output ${output} of ${step.name ?? stepId}`}
              />
            </div>
          );
        })}
      </div>
    </div>
  );
}
