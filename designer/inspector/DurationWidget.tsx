/** A duration field (deadline, timeout) for the generated forms: ISO 8601 text with its reading in words, as the wait step has. */
import { describeDuration, isDuration } from '../../schema/index.js';
import type { WidgetProps } from '../forms/form-context.js';
import { FieldProblems } from '../forms/FieldProblems.js';

export function durationWidget(label: string, hint: string) {
  return function Duration({ value, pointer, testId, onChange }: WidgetProps) {
    const text = typeof value === 'string' ? value : '';
    const valid = isDuration(text);
    return (
      <label className="field">
        <span>{label}</span>
        <div className="duration-input">
          <input value={text} onChange={(e) => onChange(e.target.value)} aria-invalid={!valid} data-testid={testId} />
          <output
            className={valid ? 'duration-reading' : 'duration-reading is-invalid'}
            data-testid={`${testId}-reading`}
          >
            {valid ? describeDuration(text) : 'not a duration'}
          </output>
        </div>
        <small className="muted">{hint}</small>
        <FieldProblems pointer={pointer} testId={testId} />
      </label>
    );
  };
}
