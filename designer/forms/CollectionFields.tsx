/** Arrays and maps in a generated form: rows with add and remove (reply classes, branches, bands, outcomes, attributes, events). */
import type { FieldSpec } from './form-spec.js';
import { useFormContext } from './form-context.js';
import { fillEmptyIds, freshValue, renameKey, singularKey } from './form-values.js';
import { fieldTestId, pointerOf } from './pointers.js';
import { FieldProblems } from './FieldProblems.js';
import { SchemaField, type FieldProps } from './SchemaField.js';

/** "Branches" → "Branch", "Talking points" → "Talking point": the label of one row. */
export function singular(label: string): string {
  if (/ies$/.test(label)) return label.replace(/ies$/, 'y');
  if (/(ch|sh|ss|x)es$/.test(label)) return label.replace(/es$/, '');
  if (/[^s]s$/.test(label)) return label.slice(0, -1);
  return label;
}

export function ListField({
  spec,
  value,
  path,
  label,
  description,
  optional,
}: FieldProps & { spec: Extract<FieldSpec, { kind: 'list' }> }) {
  const ctx = useFormContext();
  const testId = fieldTestId(ctx.testIdPrefix, path);
  const items = Array.isArray(value) ? value : [];
  const row = spec.rowLabel ?? singular(label);
  const full = spec.maxItems !== undefined && items.length >= spec.maxItems;
  const atMinimum = spec.minItems !== undefined && items.length <= spec.minItems;
  const setItems = (next: unknown[]) => ctx.set(path, next.length === 0 && optional ? undefined : next);
  return (
    <fieldset className="form-group form-list" data-testid={testId}>
      <legend>{label}</legend>
      {description && <p className="muted small">{description}</p>}
      {items.length === 0 && <p className="muted small">None yet.</p>}
      {items.map((item, index) => (
        <div
          className={`form-row${spec.items.kind === 'object' ? ' form-row--object' : ''}`}
          key={index}
          data-testid={`${testId}-${index}`}
        >
          <SchemaField
            spec={spec.items}
            value={item}
            path={[...path, index]}
            label={`${row} ${index + 1}`}
            optional={false}
            inRow
          />
          <button
            type="button"
            className="link danger"
            disabled={atMinimum}
            onClick={() => setItems(items.filter((_, i) => i !== index))}
            data-testid={`${testId}-${index}-remove`}
            aria-label={`Remove ${row.toLowerCase()} ${index + 1}`}
          >
            Remove
          </button>
        </div>
      ))}
      <button
        type="button"
        disabled={full}
        onClick={() => setItems(fillEmptyIds([...items, freshValue(spec.items)], idStem(path)) as unknown[])}
        data-testid={`${testId}-add`}
      >
        + Add {row.toLowerCase()}
      </button>
      <FieldProblems pointer={pointerOf(ctx.base, path)} testId={testId} />
    </fieldset>
  );
}

/** The stem of fresh row ids from the list's property name: `variants` → `variant`. */
function idStem(path: readonly (string | number)[]): string {
  return singularKey(String(path[path.length - 1] ?? 'item'));
}

/** A fresh key not yet used: `name1`, `name2`, … */
function freshKey(record: Record<string, unknown>, stem: string): string {
  for (let n = 1; ; n++) if (!Object.prototype.hasOwnProperty.call(record, `${stem}${n}`)) return `${stem}${n}`;
}

export function RecordField({
  spec,
  value,
  path,
  label,
  description,
}: FieldProps & { spec: Extract<FieldSpec, { kind: 'record' }> }) {
  const ctx = useFormContext();
  const testId = fieldTestId(ctx.testIdPrefix, path);
  const record = (value !== null && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const row = spec.rowLabel ?? singular(label);
  const stem = row.toLowerCase().replace(/[^a-z]/g, '') || 'name';
  return (
    <fieldset className="form-group form-record" data-testid={testId}>
      <legend>{label}</legend>
      {description && <p className="muted small">{description}</p>}
      {Object.keys(record).length === 0 && <p className="muted small">None yet.</p>}
      {Object.entries(record).map(([key, item], index) => (
        <div className="form-row form-row--object" key={index} data-testid={`${testId}-${index}`}>
          <label className="field field--compact">
            <span>{row} name</span>
            {/* Renaming keeps the row in place; a name already taken is refused rather than merging two rows. */}
            <input
              value={key}
              onChange={(e) => e.target.value !== '' && ctx.set(path, renameKey(record, key, e.target.value))}
              data-testid={`${testId}-${index}-key`}
            />
            <FieldProblems pointer={pointerOf(ctx.base, [...path, key])} testId={`${testId}-${index}-key`} />
          </label>
          <SchemaField
            spec={spec.values}
            value={item}
            path={[...path, key]}
            label={`${row} ${key}`}
            optional={false}
            inRow
          />
          <button
            type="button"
            className="link danger"
            onClick={() => {
              const { [key]: _gone, ...rest } = record;
              ctx.set(path, rest);
            }}
            data-testid={`${testId}-${index}-remove`}
            aria-label={`Remove ${row.toLowerCase()} ${key}`}
          >
            Remove
          </button>
        </div>
      ))}
      <button
        type="button"
        onClick={() => ctx.set(path, { ...record, [freshKey(record, stem)]: freshValue(spec.values) })}
        data-testid={`${testId}-add`}
      >
        + Add {row.toLowerCase()}
      </button>
      <FieldProblems pointer={pointerOf(ctx.base, path)} testId={testId} />
    </fieldset>
  );
}
