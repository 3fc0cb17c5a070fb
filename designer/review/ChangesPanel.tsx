/** What changed since the last approved version: the selected step's fields first, then every other added, removed or changed step. */
import type { ReviewDiff, StepDiffEntry } from './step-diff.js';
import { FieldChangesList } from './FieldChangesList.js';

interface Props {
  diff: ReviewDiff;
  /** The approved version compared against; none when nothing of this journey was approved before. */
  baseNumber?: number;
  selectedStepId?: string;
  onSelectStep: (stepId: string) => void;
}

const kindWords: Record<StepDiffEntry['kind'], string> = {
  added: 'Added',
  removed: 'Removed',
  changed: 'Changed',
  unchanged: 'Unchanged',
};

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

function StepChanges({
  entry,
  onSelectStep,
  isSelected,
}: {
  entry: StepDiffEntry;
  onSelectStep: (stepId: string) => void;
  isSelected?: boolean;
}) {
  return (
    <article
      className={`step-changes step-changes--${entry.kind}${isSelected ? ' is-selected' : ''}`}
      data-testid={`step-changes-${entry.stepId}`}
      data-diff={entry.kind}
    >
      <h3>
        <button type="button" className="link" onClick={() => onSelectStep(entry.stepId)}>
          {entry.name}
        </button>{' '}
        <span className={`diff-tag diff-tag--${entry.kind}`}>
          {entry.kind === 'unchanged' ? `Unchanged since v${entry.unchangedSince}` : kindWords[entry.kind]}
        </span>
      </h3>
      {entry.kind === 'changed' && <FieldChangesList fields={entry.fields} testId={`field-changes-${entry.stepId}`} />}
    </article>
  );
}
