/** Inputs that keep the typed text while it is being typed: numbers ("1." on the way to "1.5") and JSON (invalid until the closing brace). */
import { useEffect, useState } from 'react';
import type { FieldSpec } from './form-spec.js';

export function NumberInput({
  spec,
  value,
  optional,
  onChange,
  testId,
}: {
  spec: Extract<FieldSpec, { kind: 'number' }>;
  value: unknown;
  optional: boolean;
  onChange: (value: unknown) => void;
  testId: string;
}) {
  const [text, setText] = useState(value === undefined ? '' : String(value));
  useEffect(() => {
    if (Number(text) !== value && !(text === '' && value === undefined))
      setText(value === undefined ? '' : String(value));
    // Only an outside change of the value should rewrite the text.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  return (
    <input
      type="number"
      value={text}
      min={spec.min}
      max={spec.max}
      step={spec.integer ? 1 : 'any'}
      onChange={(e) => {
        setText(e.target.value);
        if (e.target.value === '') onChange(optional ? undefined : value);
        else if (Number.isFinite(Number(e.target.value))) onChange(Number(e.target.value));
      }}
      data-testid={testId}
    />
  );
}

/** A JSON value in a textarea; the document changes only when the text parses, and the parse error is shown meanwhile. */
export function JsonField({
  value,
  onChange,
  testId,
  rows = 6,
}: {
  value: unknown;
  onChange: (value: unknown) => void;
  testId: string;
  rows?: number;
}) {
  const format = (v: unknown) => JSON.stringify(v ?? null, null, 2);
  const [text, setText] = useState(() => format(value));
  const [error, setError] = useState<string>();
  useEffect(() => {
    let same: boolean;
    try {
      same = JSON.stringify(JSON.parse(text)) === JSON.stringify(value ?? null);
    } catch {
      same = false;
    }
    if (!same && error === undefined) setText(format(value));
    // Only an outside change of the value should rewrite the text.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  return (
    <>
      <textarea
        className="json-field"
        rows={rows}
        spellCheck={false}
        value={text}
        aria-invalid={error !== undefined}
        onChange={(e) => {
          setText(e.target.value);
          try {
            const parsed: unknown = JSON.parse(e.target.value);
            setError(undefined);
            onChange(parsed);
          } catch (err) {
            setError(err instanceof Error ? err.message : String(err));
          }
        }}
        data-testid={testId}
      />
      {error && (
        <small className="error-text" data-testid={`${testId}-json-error`}>
          Not JSON yet: {error}
        </small>
      )}
    </>
  );
}
