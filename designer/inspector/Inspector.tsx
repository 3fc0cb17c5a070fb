/** The inspector: the selected step's name and its type's fields (generated from the schema); every edit is an update-step change, effective at once. */
import { kindOfType, type JourneyDocument, type Problem, type Step } from '../../schema/index.js';
import type { Connector } from '../api/types.js';
import type { JourneyChange } from '../model/changes.js';
import type { RecordOptions } from '../model/history.js';
import { Field } from './Field.js';
import { StepFields } from './StepFields.js';
import { OutputTargets } from './OutputTargets.js';

interface Props {
  document: JourneyDocument;
  stepId?: string;
  problems: Problem[];
  connectors: Connector[];
  apply: (change: JourneyChange, options?: Omit<RecordOptions, 'now'>) => void;
  onDeleted: () => void;
}

export function Inspector({ document, stepId, problems, connectors, apply, onDeleted }: Props) {
  const step = stepId ? document.steps[stepId] : undefined;
  if (!stepId || !step) {
    return (
      <section className="panel inspector" aria-label="Inspector" data-testid="inspector">
        <h2 className="panel-title">Inspector</h2>
        <p className="muted">Select a step on the canvas to edit it.</p>
      </section>
    );
  }
  // Typing in one field is one undo step; the coalesce key tells fields (and steps) apart.
  const update = (next: Step, field: string) =>
    apply({ type: 'update-step', stepId, step: next }, { coalesceKey: `${stepId}/${field}` });
  const isStart = document.start === stepId;
  return (
    <section className="panel inspector" aria-label="Inspector" data-testid="inspector" data-step-id={stepId}>
      <h2 className="panel-title">
        {kindOfType(step.type).label} step <code className="muted">{stepId}</code>
      </h2>
      <Field label="Name">
        <input
          value={step.name ?? ''}
          onChange={(e) => update({ ...step, name: e.target.value || undefined }, 'name')}
          data-testid="inspector-name"
        />
      </Field>
      <StepFields
        document={document}
        stepId={stepId}
        step={step}
        problems={problems}
        connectors={connectors}
        onChange={update}
      />
      <OutputTargets document={document} stepId={stepId} step={step} apply={apply} />
      <div className="inspector-actions">
        {isStart ? (
          <span className="pill" data-testid="inspector-is-start">
            Start step
          </span>
        ) : (
          <button type="button" onClick={() => apply({ type: 'set-start', stepId })} data-testid="inspector-make-start">
            Make start step
          </button>
        )}
        <button
          type="button"
          className="danger"
          onClick={() => {
            apply({ type: 'remove-step', stepId });
            onDeleted();
          }}
          data-testid="inspector-delete-step"
        >
          Delete step
        </button>
      </div>
    </section>
  );
}
