/** Objects in a generated form: their properties in order, optional objects behind a checkbox, discriminated unions behind a select. */
import type { FieldSpec, ObjectSpec } from './form-spec.js';
import { useFormContext } from './form-context.js';
import { fillEmptyIds, freshObject, switchOption, type Path } from './form-values.js';
import { fieldTestId, pointerOf } from './pointers.js';
import { FieldProblems } from './FieldProblems.js';
import { SchemaField, type FieldProps } from './SchemaField.js';

/** The properties of an object value, each as its own field. */
export function PropertyFields({ spec, value, path }: { spec: ObjectSpec; value: unknown; path: Path }) {
  const object = (value !== null && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  return (
    <>
      {spec.properties.map((property) => (
        <SchemaField
          key={property.name}
          spec={property.spec}
          value={object[property.name] ?? ('default' in property.spec ? property.spec.default : undefined)}
          path={[...path, property.name]}
          label={property.label}
          description={property.description}
          optional={!property.present}
        />
      ))}
    </>
  );
}

export function ObjectField({
  spec,
  value,
  path,
  label,
  description,
  optional,
  inRow,
}: FieldProps & { spec: ObjectSpec }) {
  const ctx = useFormContext();
  const testId = fieldTestId(ctx.testIdPrefix, path);
  const pointer = pointerOf(ctx.base, path);
  if (path.length === 0) return <PropertyFields spec={spec} value={value} path={path} />;
  // A row of a list (a band, an outcome) is already framed by its row: its fields sit side by side, without a second frame.
  if (inRow) {
    return (
      <div className="form-inline-object" aria-label={label}>
        <PropertyFields spec={spec} value={value} path={path} />
        <FieldProblems pointer={pointer} testId={testId} />
      </div>
    );
  }
  // An optional object (a frequency cap) is either off or fully there: a checkbox says which.
  const toggle = optional && (
    <label className="toggle">
      <input
        type="checkbox"
        checked={value !== undefined}
        onChange={(e) => ctx.set(path, e.target.checked ? freshObject(spec) : undefined)}
        data-testid={`${testId}-enabled`}
      />
      <span>{label}</span>
    </label>
  );
  if (value === undefined)
    return (
      <div className="field">
        {toggle}
        <FieldProblems pointer={pointer} testId={testId} />
      </div>
    );
  return (
    <fieldset className="form-group" data-testid={testId}>
      <legend>{toggle || label}</legend>
      {description && <p className="muted small">{description}</p>}
      <PropertyFields spec={spec} value={value} path={path} />
      <FieldProblems pointer={pointer} testId={testId} />
    </fieldset>
  );
}

export function UnionField({ spec, value, path, label }: FieldProps & { spec: Extract<FieldSpec, { kind: 'union' }> }) {
  const ctx = useFormContext();
  const testId = fieldTestId(ctx.testIdPrefix, path);
  const current = (value !== null && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const chosen = String(current[spec.discriminator] ?? '');
  const option = spec.options.find((o) => o.value === chosen);
  const selectPath = [...path, spec.discriminator];
  const body = (
    <>
      <label className="field">
        <span>{path.length === 0 ? label : `${label}: ${spec.discriminator}`}</span>
        <select
          value={chosen}
          onChange={(e) => ctx.set(path, fillEmptyIds(switchOption(spec, current, e.target.value)))}
          data-testid={fieldTestId(ctx.testIdPrefix, selectPath)}
        >
          {!option && <option value="">—</option>}
          {spec.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.value}
            </option>
          ))}
        </select>
        <FieldProblems pointer={pointerOf(ctx.base, selectPath)} testId={fieldTestId(ctx.testIdPrefix, selectPath)} />
      </label>
      {option && <PropertyFields spec={option.spec} value={value} path={path} />}
      <FieldProblems pointer={pointerOf(ctx.base, path)} testId={testId} />
    </>
  );
  return path.length === 0 ? (
    body
  ) : (
    <fieldset className="form-group" data-testid={testId}>
      <legend>{label}</legend>
      {body}
    </fieldset>
  );
}
