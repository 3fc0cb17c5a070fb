/** Values for generated forms: a fresh value for a spec (new rows, a switched union option) and immutable edits by path. */
import type { FieldSpec, ObjectSpec } from './form-spec.js';

export type Path = ReadonlyArray<string | number>;

/** A value that satisfies the spec's shape: defaults where the schema has them, else the emptiest valid-looking value. */
export function freshValue(spec: FieldSpec): unknown {
  if ('default' in spec && spec.default !== undefined) return structuredClone(spec.default);
  switch (spec.kind) {
    case 'text':
      return '';
    case 'number':
      return spec.min !== undefined && spec.min > 0 ? spec.min : 0;
    case 'boolean':
      return false;
    case 'enum':
      return spec.options[0];
    case 'multi':
      return [];
    case 'const':
      return spec.value;
    case 'object':
      return freshObject(spec);
    case 'union':
      return { [spec.discriminator]: spec.options[0].value, ...(freshObject(spec.options[0].spec) as object) };
    case 'list':
      return Array.from({ length: spec.minItems ?? 0 }, () => freshValue(spec.items));
    case 'record':
      return {};
    case 'json':
      return null;
  }
}

/** Only the properties every valid value has; optional ones stay absent until someone fills them in. */
export function freshObject(spec: ObjectSpec): Record<string, unknown> {
  return Object.fromEntries(spec.properties.filter((p) => p.present).map((p) => [p.name, freshValue(p.spec)]));
}

/** The union option switched to another discriminator value, keeping fields the two options share (e.g. `time`). */
export function switchOption(
  spec: Extract<FieldSpec, { kind: 'union' }>,
  current: Record<string, unknown>,
  value: string,
): Record<string, unknown> {
  const option = spec.options.find((o) => o.value === value);
  if (!option) return current;
  const next: Record<string, unknown> = { [spec.discriminator]: value, ...freshObject(option.spec) };
  for (const property of option.spec.properties)
    if (current[property.name] !== undefined) next[property.name] = current[property.name];
  return next;
}

/** The value at a path, or undefined. */
export function getIn(value: unknown, path: Path): unknown {
  return path.reduce<unknown>(
    (at, key) => (at !== null && typeof at === 'object' ? (at as Record<string | number, unknown>)[key] : undefined),
    value,
  );
}

/** A copy of `root` with the value at `path` replaced; `undefined` removes an object key (an optional field cleared). */
export function setIn(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const [key, ...rest] = path;
  if (Array.isArray(root)) {
    const copy = [...root];
    copy[key as number] = setIn(root[key as number], rest, value);
    return copy;
  }
  const object = (root !== null && typeof root === 'object' ? root : {}) as Record<string, unknown>;
  const inner = setIn(object[key], rest, value);
  if (inner === undefined) {
    const { [key]: _removed, ...others } = object;
    return others;
  }
  return { ...object, [key]: inner };
}

/** A record with one key renamed, keeping the order of keys (so a row does not jump while its name is typed). */
export function renameKey(record: Record<string, unknown>, from: string, to: string): Record<string, unknown> {
  if (from === to || Object.prototype.hasOwnProperty.call(record, to)) return record;
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k === from ? to : k, v]));
}

/**
 * Rows that need an id (branches, bands, outcomes, exit criteria) get a unique one instead of an empty string, so a new row
 * is valid at once and its output handle has a name: `band-3`. Walks nested values; `stem` names the rows of a bare array.
 */
export function fillEmptyIds(value: unknown, stem = 'item'): unknown {
  if (Array.isArray(value)) {
    const taken = new Set(
      value
        .map((item) => (item !== null && typeof item === 'object' ? (item as { id?: unknown }).id : undefined))
        .filter((id) => typeof id === 'string' && id !== ''),
    );
    let n = 1;
    return value.map((item) => {
      const filled = fillEmptyIds(item, stem);
      if (filled === null || typeof filled !== 'object' || (filled as { id?: unknown }).id !== '') return filled;
      while (taken.has(`${stem}-${n}`)) n++;
      taken.add(`${stem}-${n}`);
      return { ...filled, id: `${stem}-${n}` };
    });
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [key, fillEmptyIds(inner, singularKey(key))]),
    );
  }
  return value;
}

/** `branches` → `branch`, `exitCriteria` → `exit-criterion`: the stem of fresh row ids. */
export function singularKey(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
  return words
    .replace(/criteria$/, 'criterion')
    .replace(/ies$/, 'y')
    .replace(/(ch|sh|ss|x)es$/, '$1')
    .replace(/([^s])s$/, '$1');
}
