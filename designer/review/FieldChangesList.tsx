/** The changed fields of one step (or of the journey), each with its old and new value word by word. */
import type { FieldChange } from './step-diff.js';
import { WordDiffText } from './WordDiffText.js';

export function FieldChangesList({ fields, testId }: { fields: FieldChange[]; testId: string }) {
  return (
    <dl className="field-changes" data-testid={testId}>
      {fields.map((field) => (
        <div key={field.pointer} className="field-change" data-pointer={field.pointer}>
          <dt>
            {field.label}
            {field.before === undefined ? ' (new)' : field.after === undefined ? ' (removed)' : ''}
          </dt>
          <dd>
            <WordDiffText before={field.before} after={field.after} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
