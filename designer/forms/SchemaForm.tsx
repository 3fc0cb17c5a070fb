/** A form generated from a JSON Schema: one field per property, edits applied by path, problems shown under the fields they are about. */
import { useMemo, type ReactNode } from 'react';
import type { Problem } from '../../schema/index.js';
import type { ObjectSpec } from './form-spec.js';
import { FormContext, type FormContextValue, type WidgetProps } from './form-context.js';
import { setIn, type Path } from './form-values.js';
import { PropertyFields } from './ObjectFields.js';

interface Props<T> {
  spec: ObjectSpec;
  value: T;
  /** The value's JSON pointer in the journey document; problems are matched against pointers below it. */
  base: string;
  problems: readonly Problem[];
  testIdPrefix?: string;
  /** The new value and the edited field's path, so typing in one field can be one undo step. */
  onChange: (value: T, field: string) => void;
  widgets?: Record<string, (props: WidgetProps) => ReactNode>;
}

export function SchemaForm<T>({
  spec,
  value,
  base,
  problems,
  testIdPrefix = 'field',
  onChange,
  widgets = {},
}: Props<T>) {
  const context = useMemo<FormContextValue>(
    () => ({
      base,
      problems,
      testIdPrefix,
      widgets,
      set: (path: Path, next: unknown, field?: string) =>
        onChange(setIn(value, path, next) as T, field ?? path.join('/')),
    }),
    [base, problems, testIdPrefix, widgets, onChange, value],
  );
  return (
    <FormContext.Provider value={context}>
      <div className="schema-form" data-testid={`${testIdPrefix}-form`}>
        <PropertyFields spec={spec} value={value} path={[]} />
      </div>
    </FormContext.Provider>
  );
}
