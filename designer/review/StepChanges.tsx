/** One step's entry in the changes panel: its name (selecting it), a worded change tag, and its changed fields word by word. */
import type { StepDiffEntry } from './step-diff.js';
import { FieldChangesList } from './FieldChangesList.js';

const kindWords: Record<StepDiffEntry['kind'], string> = {
  added: 'Added',
  removed: 'Removed',
  changed: 'Changed',
  unchanged: 'Unchanged',
};

export function StepChanges({
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
