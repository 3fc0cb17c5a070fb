/** Field-level differences between two JSON values, each named by a JSON pointer: what a reviewer reads as "changed fields". */
import { toPointer } from '../problems.js';

export interface FieldChange {
  /** Where the value differs, relative to the compared values (e.g. `/template`). */
  pointer: string;
  /** Absent when the field was added. */
  before?: unknown;
  /** Absent when the field was removed. */
  after?: unknown;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Deep equality of JSON values; an absent key and an `undefined` one are the same, as in the canonical form. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => sameJson(item, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) if (!sameJson(a[key], b[key])) return false;
    return true;
  }
  return false;
}

/**
 * Every leaf that differs. Objects and arrays are walked into, so a changed reply class reads `/classes/1/match`
 * rather than "the classes changed"; a value that changes kind (text to list) is one change at its own pointer.
 */
export function changedFields(before: unknown, after: unknown, path: Array<string | number> = []): FieldChange[] {
  if (sameJson(before, after)) return [];
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((key) => changedFields(before[key], after[key], [...path, key]));
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const length = Math.max(before.length, after.length);
    return Array.from({ length }, (_, i) => changedFields(before[i], after[i], [...path, i])).flat();
  }
  return [
    {
      pointer: toPointer(path),
      ...(before !== undefined ? { before } : {}),
      ...(after !== undefined ? { after } : {}),
    },
  ];
}
