/** Secret settings in the generated form: password inputs that say whether a value is stored, and never show it. */
import type { ReactNode } from 'react';
import type { WidgetProps } from '../forms/form-context.js';
import { FieldProblems } from '../forms/FieldProblems.js';
import { humanize } from '../forms/form-spec.js';

type SecretState = 'set' | 'not set';

/** One widget per secret field, for SchemaForm's `widgets`; `states` is what the server says of each stored secret. */
export function secretWidgets(
  names: readonly string[],
  states: Record<string, SecretState>,
  descriptions: Record<string, string | undefined>,
): Record<string, (props: WidgetProps) => ReactNode> {
  return Object.fromEntries(
    names.map((name) => [
      name,
      ({ value, pointer, testId, onChange }: WidgetProps) => {
        const state = states[name] ?? 'not set';
        return (
          <label className="field">
            <span>
              {humanize(name)}{' '}
              <small className="muted" data-testid={`${testId}-state`}>
                secret · {state}
              </small>
            </span>
            <input
              type="password"
              autoComplete="new-password"
              placeholder={state === 'set' ? 'Stored — leave blank to keep it' : 'Not set'}
              value={typeof value === 'string' ? value : ''}
              onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
              data-testid={testId}
            />
            {descriptions[name] && <small className="muted">{descriptions[name]}</small>}
            <FieldProblems pointer={pointer} testId={testId} />
          </label>
        );
      },
    ]),
  );
}
