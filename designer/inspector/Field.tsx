/** Labelled form controls for the inspector, so every input has an accessible name and a stable test id. */
import { useEffect, useState, type ReactNode } from 'react';

export function Field({ label, hint, children }: { label: string; hint?: ReactNode; children: ReactNode }) {
  return (
    <label className="field">
      <span>{label}</span>
      {children}
      {hint && <small className="muted">{hint}</small>}
    </label>
  );
}

/**
 * A text input whose text is parsed into a value; the typed text is kept while it parses to the current value,
 * so "yes," can be typed on the way to "yes, y" without the comma vanishing.
 */
export function ParsedInput<T>({
  value,
  parse,
  format,
  onChange,
  ...rest
}: { value: T; parse: (text: string) => T; format: (value: T) => string; onChange: (value: T) => void } & Omit<
  React.InputHTMLAttributes<HTMLInputElement>,
  'value' | 'onChange'
>) {
  const [text, setText] = useState(() => format(value));
  useEffect(() => {
    if (format(parse(text)) !== format(value)) setText(format(value));
    // Only an outside change of the value should rewrite the text.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  return (
    <input
      {...rest}
      value={text}
      onChange={(event) => {
        setText(event.target.value);
        onChange(parse(event.target.value));
      }}
    />
  );
}
