/** What changed since the last approved version: the selected step's fields first, then every other added, removed or changed step. */
import type { ReviewDiff } from './step-diff.js';
import { FieldChangesList } from './FieldChangesList.js';
import { StepChanges } from './StepChanges.js';

interface Props {
  diff: ReviewDiff;
  /** The approved version compared against; none when nothing of this journey was approved before. */
  baseNumber?: number;
  selectedStepId?: string;
  onSelectStep: (stepId: string) => void;
}

export function ChangesPanel({ diff, baseNumber, selectedStepId, onSelectStep }: Props) {
  const touched = diff.steps.filter((s) => s.kind !== 'unchanged');
  const selected = diff.steps.find((s) => s.stepId === selectedStepId);
  const others = touched.filter((s) => s.stepId !== selectedStepId);
  return (
    <section className="panel" aria-label="Changes" data-testid="review-changes">
      <p className="muted" data-testid="review-baseline">
        {baseNumber === undefined
          ? 'No version of this journey has been approved yet: every step is new.'
          : `Compared with v${baseNumber}, the last approved version: ${touched.length} step${touched.length === 1 ? '' : 's'} added, removed or changed.`}
      </p>
      {selected && <StepChanges entry={selected} onSelectStep={onSelectStep} isSelected />}
      {diff.journey.length > 0 && (
        <article className="step-changes">
          <h3>Journey settings</h3>
          <FieldChangesList fields={diff.journey} testId="journey-changes" />
        </article>
      )}
      {others.map((entry) => (
        <StepChanges key={entry.stepId} entry={entry} onSelectStep={onSelectStep} />
      ))}
    </section>
  );
}
