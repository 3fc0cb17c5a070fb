/** Runtime evaluation of journey expressions: deterministic (no clock, no randomness, `now` is given), never throws. */
import { compileExpression, type ExpectedType } from './check.js';
import type { ExpressionDeclarations, FieldDeclarations } from './environment.js';

/** What the engine knows at the moment of evaluation. Plain JSON values; dates as ISO strings or Date. */
export interface ExpressionValues {
  patient?: Record<string, unknown>;
  event?: Record<string, unknown>;
  assessment?: { score: number; answers: Record<string, unknown>; class: string };
  now?: Date | string;
}

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type EvaluateResult = { ok: true; value: JsonValue } | { ok: false; error: string; position?: number };

/**
 * Evaluates an expression against the values of one enrollment. The expression is type-checked first (cached), so the
 * runtime never runs something the designer would have rejected. Dates in the result come back as ISO strings and
 * whole numbers as JS numbers, so the value can be stored as an attribute.
 */
export function evaluateExpression(
  source: string,
  values: ExpressionValues,
  decls: ExpressionDeclarations,
  expected: ExpectedType = 'any',
): EvaluateResult {
  try {
    const { result, program } = compileExpression(source, decls);
    if (!result.ok || !program) {
      const first = result.ok ? undefined : result.problems[0];
      return { ok: false, error: first?.message ?? 'The expression could not be compiled.', position: first?.position };
    }
    const raw: unknown = program(toContext(values, decls));
    if (raw instanceof Promise) return { ok: false, error: 'The expression did not finish synchronously.' };
    if (expected === 'bool' && typeof raw !== 'boolean')
      return { ok: false, error: `The condition gave ${describe(raw)} instead of true or false.` };
    return { ok: true, value: toJson(raw) };
  } catch (error) {
    const e = error as { summary?: string; message?: string; range?: { start?: number } };
    const message = String(e?.summary ?? e?.message ?? error).split('\n')[0];
    return { ok: false, error: `The expression failed: ${message}`, position: e?.range?.start };
  }
}

/** `YYYY-MM-DD` (midnight UTC) or a full ISO timestamp with a zone; zone-less times would depend on the machine. */
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const ZONED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** A Date for a date value, or the value untouched so cel-js reports the bad field only if the expression reads it. */
export function toDate(value: unknown): unknown {
  if (value instanceof Date) return value;
  if (typeof value !== 'string' || !(DATE_ONLY.test(value) || ZONED.test(value))) return value;
  const date = new Date(DATE_ONLY.test(value) ? `${value}T00:00:00Z` : value);
  return Number.isNaN(date.getTime()) ? value : date;
}

/** Only declared fields, typed the way the environment declared them; absent and null fields are left out so `has()` works. */
function fields(input: Record<string, unknown> | undefined, declared: FieldDeclarations): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!input || typeof input !== 'object') return out;
  for (const [name, decl] of Object.entries(declared)) {
    if (!Object.prototype.hasOwnProperty.call(input, name)) continue;
    const value = input[name];
    if (value === null || value === undefined) continue;
    out[name] =
      decl.type === 'date'
        ? toDate(value)
        : decl.type === 'number' && typeof value === 'bigint'
          ? Number(value)
          : value;
  }
  return out;
}

function toContext(values: ExpressionValues, decls: ExpressionDeclarations): Record<string, unknown> {
  const context: Record<string, unknown> = { patient: fields(values.patient, decls.attributes) };
  if (decls.event) context.event = fields(values.event, decls.event);
  const a = values.assessment;
  if (a && decls.assessment !== false) {
    context.assessment = {
      score: typeof a.score === 'bigint' ? Number(a.score) : a.score,
      answers: a.answers ?? {},
      class: a.class ?? '',
    };
  }
  if (values.now !== undefined) context.now = toDate(values.now);
  return context;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.slice(0, 40))}`;
  if (typeof value === 'number' || typeof value === 'bigint') return `the number ${String(value)}`;
  return `a ${typeof value}`;
}

/** CEL values back to JSON: BigInt to number, Date to ISO text, Map to object. */
function toJson(value: unknown, depth = 0): JsonValue {
  if (depth > 32) throw new Error('the result is nested too deeply');
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`the result ${value} is not a finite number`);
    return value;
  }
  if (typeof value === 'bigint') {
    if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER))
      throw new Error('the result is too large a number');
    return Number(value);
  }
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((v) => toJson(v, depth + 1));
  if (value instanceof Map) return Object.fromEntries([...value].map(([k, v]) => [String(k), toJson(v, depth + 1)]));
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, toJson(v, depth + 1)]),
    );
  }
  throw new Error('the result cannot be stored (it is not text, a number, a boolean, a date, a list or a map)');
}
