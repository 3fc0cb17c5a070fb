/** Design-time checking of one journey expression: syntax, cost limits and types against the journey's declarations. */
import type { ASTNode, ParseResult } from '@marcbachmann/cel-js';
import {
  availableNames,
  declarationsKey,
  environmentFor,
  expressionLimits,
  journeyTypeName,
  type ExpressionDeclarations,
} from './environment.js';
import { guardExpression, type ExpressionProblem } from './guard.js';

export type { ExpressionProblem } from './guard.js';
export type ExpectedType = 'bool' | 'any';
export type CheckResult = { ok: true; type: string } | { ok: false; problems: ExpressionProblem[] };

/** A parsed and checked expression, kept so evaluation never parses or type-checks the same source twice. */
export interface CompiledExpression {
  result: CheckResult;
  /** Present when parsing succeeded (even if type-checking did not). */
  program?: ParseResult;
}

const MAX_CACHED = 500;
const compiled = new Map<string, CompiledExpression>();

/** Parses, guards and type-checks, reusing the bounded cache. Never throws. */
export function compileExpression(source: string, decls: ExpressionDeclarations): CompiledExpression {
  if (typeof source !== 'string') return fail(0, 'The expression must be text.');
  if (source.length > expressionLimits.maxSourceLength) {
    // Checked before the cache key is built, so a huge source costs nothing.
    return fail(
      expressionLimits.maxSourceLength,
      `The expression is longer than ${expressionLimits.maxSourceLength.toLocaleString('en')} characters.`,
    );
  }
  const key = `${declarationsKey(decls)}\u0000${source}`;
  const hit = compiled.get(key);
  if (hit) {
    // Re-insert so the map's order is least-recently-used first.
    compiled.delete(key);
    compiled.set(key, hit);
    return hit;
  }
  const entry = compileUncached(source, decls);
  if (compiled.size >= MAX_CACHED) compiled.delete(compiled.keys().next().value as string);
  compiled.set(key, entry);
  return entry;
}

function compileUncached(source: string, decls: ExpressionDeclarations): CompiledExpression {
  if (source.trim() === '') return fail(0, 'The expression is empty.');
  let program: ParseResult;
  try {
    program = environmentFor(decls).parse(source);
  } catch (error) {
    return fail(positionOf(error), `The expression could not be read: ${summaryOf(error)}.`);
  }
  const guarded = guardExpression(program.ast);
  if (guarded) return { result: { ok: false, problems: [guarded] } };
  try {
    const checked = program.check();
    if (checked.valid) return { result: { ok: true, type: journeyTypeName(checked.type ?? 'dyn') }, program };
    return {
      result: {
        ok: false,
        problems: [{ position: positionOf(checked.error), message: typeMessage(checked.error, decls) }],
      },
      program,
    };
  } catch (error) {
    return fail(positionOf(error), `The expression could not be checked: ${summaryOf(error)}.`);
  }
}

/**
 * Checks an expression against the journey's declarations. With `expected: 'bool'` (split conditions, event filters,
 * exit criteria) anything but a boolean is an error, including `dyn` values such as an answer: compare it instead.
 */
export function checkExpression(
  source: string,
  decls: ExpressionDeclarations,
  expected: ExpectedType = 'any',
): CheckResult {
  const { result } = compileExpression(source, decls);
  if (!result.ok || expected === 'any' || result.type === 'boolean') return result;
  return {
    ok: false,
    problems: [
      {
        position: 0,
        message: `A condition must be true or false, but this expression gives a ${result.type}; compare it, e.g. \`… == "yes"\` or \`… > 3\`.`,
      },
    ],
  };
}

function fail(position: number, message: string): CompiledExpression {
  return { result: { ok: false, problems: [{ position, message }] } };
}

function positionOf(error: unknown): number {
  const e = error as { range?: { start?: number }; node?: { start?: number; pos?: number } } | undefined;
  return e?.range?.start ?? e?.node?.start ?? e?.node?.pos ?? 0;
}

function summaryOf(error: unknown): string {
  const e = error as { summary?: string; message?: string } | undefined;
  return String(e?.summary ?? e?.message ?? error).replace(/\.$/, '');
}

const joinNames = (names: string[]) => (names.length === 0 ? 'none' : names.join(', '));

/** Rewrites cel-js type errors into sentences about the journey's own names. */
function typeMessage(error: unknown, decls: ExpressionDeclarations): string {
  const e = error as { code?: string; node?: ASTNode } | undefined;
  const node = e?.node;
  if (e?.code === 'no_such_key' && node?.op === '.' && node.args[0].op === 'id') {
    const root = node.args[0].args as string;
    const field = node.args[1];
    if (root === 'patient')
      return `\`patient.${field}\` is not a declared patient attribute; declared: ${joinNames(Object.keys(decls.attributes))}.`;
    if (root === 'event')
      return `\`event.${field}\` is not a field of this event; fields: ${joinNames(Object.keys(decls.event ?? {}))}.`;
    if (root === 'assessment')
      return `\`assessment.${field}\` does not exist; an assessment has score, answers and class.`;
  }
  if (e?.code === 'unknown_variable' && node?.op === 'id') {
    return `Unknown name \`${node.args}\`; expressions can use ${joinNames(availableNames(decls))}.`;
  }
  const summary = journeyTypeName(summaryOf(error));
  const overload = /^no such overload: (.*)$/.exec(summary);
  if (overload) return `These types cannot be combined this way: ${overload[1]}.`;
  return `${summary}.`;
}

/** Whether an expression of `type` (as `checkExpression` reports it) can be stored in an attribute of `attribute` type. */
export function fitsAttributeType(type: string, attribute: 'string' | 'number' | 'boolean' | 'date'): boolean {
  if (type === 'dyn') return true; // answers and other dynamic values are checked when the value is known
  return type === attribute || (attribute === 'number' && type === 'whole number');
}
