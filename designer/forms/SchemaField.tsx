/** One field of a generated form, chosen by its spec: text, number, checkbox, select, checkbox set, JSON; containers live in their own files. */
import type { FieldSpec } from './form-spec.js';
import { useFormContext } from './form-context.js';
import type { Path } from './form-values.js';
import { fieldTestId, pointerOf, widgetKey } from './pointers.js';
import { FieldProblems } from './FieldProblems.js';
import { ObjectField, UnionField } from './ObjectFields.js';
import { ListField, RecordField } from './CollectionFields.js';
import { JsonField, NumberInput } from './TextInputs.js';

export interface FieldProps {
  spec: FieldSpec;
  value: unknown;
  path: Path;
  label: string;
  description?: string;
  /** May be absent: clearing the control removes the property instead of storing an empty value. */
  optional: boolean;
  /** Drawn inside a row of a list or map, which already frames it. */
  inRow?: boolean;
}

export function SchemaField(props: FieldProps) {
  const { spec, value, path, label, description, optional } = props;
  const ctx = useFormContext();
  const pointer = pointerOf(ctx.base, path);
  const testId = fieldTestId(ctx.testIdPrefix, path);
  const set = (next: unknown, field?: string) => ctx.set(path, next, field);
  const widget = ctx.widgets[widgetKey(path)];
  // Called, not mounted: widgets are rebuilt with the document, and mounting a new function each time would reset their inputs.
  if (widget) return <>{widget({ value, path, pointer, testId, onChange: set })}</>;
  switch (spec.kind) {
    case 'const':
      return null;
    case 'object':
      return <ObjectField {...props} spec={spec} />;
    case 'union':
      return <UnionField {...props} spec={spec} />;
    case 'list':
      return <ListField {...props} spec={spec} />;
    case 'record':
      return <RecordField {...props} spec={spec} />;
    case 'boolean':
      return (
        <div className="field">
          <label className="toggle">
            <input
              type="checkbox"
              checked={value === true}
              onChange={(e) => set(e.target.checked || (optional ? undefined : false))}
              data-testid={testId}
            />
            <span>{label}</span>
          </label>
          {description && <small className="muted">{description}</small>}
          <FieldProblems pointer={pointer} testId={testId} />
        </div>
      );
    case 'multi': {
      const chosen = Array.isArray(value) ? (value as string[]) : [];
      return (
        <fieldset className="checkbox-set" data-testid={testId}>
          <legend>{label}</legend>
          {spec.options.map((option) => (
            <label key={option} className="toggle toggle--inline">
              <input
                type="checkbox"
                checked={chosen.includes(option)}
                onChange={(e) => {
                  // Keep the schema's order, so the JSON reads the same whichever box was ticked first.
                  const next = spec.options.filter((o) => (o === option ? e.target.checked : chosen.includes(o)));
                  set(next.length === 0 && optional ? undefined : next);
                }}
                data-testid={`${testId}-${option}`}
              />
              <span>{option}</span>
            </label>
          ))}
          <FieldProblems pointer={pointer} testId={testId} />
        </fieldset>
      );
    }
    default:
      return (
        <label className="field">
          <span>
            {label}
            {optional ? <small className="muted"> (optional)</small> : null}
          </span>
          {spec.kind === 'enum' && (
            <select
              value={value === undefined ? '' : String(value)}
              onChange={(e) => set(e.target.value === '' ? undefined : e.target.value)}
              data-testid={testId}
            >
              {(optional || value === undefined) && <option value="">—</option>}
              {spec.options.map((option) => (
                <option key={option} value={option}>
                  {option}
                </option>
              ))}
            </select>
          )}
          {spec.kind === 'text' &&
            (spec.multiline ? (
              <textarea
                rows={(spec.maxLength ?? 0) >= 4000 ? 3 : 2}
                value={typeof value === 'string' ? value : ''}
                onChange={(e) => set(e.target.value === '' && optional ? undefined : e.target.value)}
                data-testid={testId}
              />
            ) : (
              <input
                value={typeof value === 'string' ? value : ''}
                onChange={(e) => set(e.target.value === '' && optional ? undefined : e.target.value)}
                data-testid={testId}
              />
            ))}
          {spec.kind === 'number' && (
            <NumberInput spec={spec} value={value} optional={optional} onChange={set} testId={testId} />
          )}
          {spec.kind === 'json' && <JsonField value={value} onChange={set} testId={testId} />}
          {description && <small className="muted">{description}</small>}
          <FieldProblems pointer={pointer} testId={testId} />
        </label>
      );
  }
}
