/** The CEL environment of a journey: which names an expression may use (patient, event, assessment, now) and with which types. */
import { Environment } from '@marcbachmann/cel-js';

/** The journey's attribute types (document.ts `AttributeType`), repeated here so this module stays independent of zod. */
export type FieldType = 'string' | 'number' | 'boolean' | 'date';
export interface FieldDeclaration {
  type: FieldType;
}
export type FieldDeclarations = Record<string, FieldDeclaration>;

/** What an expression can see. `attributes` is the document's `attributes` block as is. */
export interface ExpressionDeclarations {
  attributes: FieldDeclarations;
  /** Payload fields of the awaited event (wait-for-event filters). Omitted: `event` is an unknown name. */
  event?: FieldDeclarations;
  /** False where no assessment result can exist yet; `assessment` is then an unknown name. Default true. */
  assessment?: boolean;
}

/** CEL's name for its timestamp type; the short `timestamp` is not accepted in declarations by cel-js 8. */
export const TIMESTAMP = 'google.protobuf.Timestamp';

/**
 * Journey numbers are CEL doubles, because attribute values arrive as JSON numbers (never BigInt).
 * Dates are CEL timestamps (JS Date), so `patient.surgeryDate + duration("72h") < now` type-checks.
 */
const celTypeOf: Record<FieldType, string> = { string: 'string', number: 'double', boolean: 'bool', date: TIMESTAMP };

/** Journey words for CEL type names, so messages speak the designer's language. */
export function journeyTypeName(celType: string): string {
  return celType
    .replaceAll(TIMESTAMP, 'date')
    .replaceAll('google.protobuf.Duration', 'duration')
    .replace(/\bdouble\b/g, 'number')
    .replace(/\bint\b/g, 'whole number')
    .replace(/\bbool\b/g, 'boolean');
}

/** Parser limits: a journey condition is a line or two; these stop hostile input long before it costs anything. */
export const expressionLimits = {
  maxSourceLength: 2000,
  maxAstNodes: 400,
  maxDepth: 32,
  maxListElements: 100,
  maxMapEntries: 100,
  maxCallArguments: 8,
  /** Nesting of comprehensions (`all`, `exists`, `map`, `filter`, `cel.bind`): each level multiplies the work. */
  maxComprehensionNesting: 2,
} as const;

const DAY_MS = 86_400_000;

/** Shared base: functions and operators every journey has. Cloning is cheap; building is not. */
function buildBase(): Environment {
  const { maxAstNodes, maxDepth, maxListElements, maxMapEntries, maxCallArguments } = expressionLimits;
  const env = new Environment({ limits: { maxAstNodes, maxDepth, maxListElements, maxMapEntries, maxCallArguments } });
  env.registerFunction(
    `daysBetween(${TIMESTAMP}, ${TIMESTAMP}): int`,
    (from: Date, to: Date) => BigInt(Math.trunc((to.getTime() - from.getTime()) / DAY_MS)),
    {
      description: 'Whole days from the first date to the second, negative when the second is earlier.',
    },
  );
  // Journey numbers are doubles but people write `patient.age == 40`; CEL has no implicit int→double, so
  // mixed arithmetic and equality are declared here (ordering comparisons across the two already work).
  // cel-js derives `int == double` and both `!=` from `double == int`; the arithmetic needs both orders.
  env.registerOperator('double == int', (a: number, b: bigint) => a === Number(b));
  const arithmetic: Array<[string, (a: number, b: number) => number]> = [
    ['+', (a, b) => a + b],
    ['-', (a, b) => a - b],
    ['*', (a, b) => a * b],
    ['/', (a, b) => a / b],
  ];
  for (const [op, fn] of arithmetic) {
    env.registerOperator(`double ${op} int`, (a: number, b: bigint) => fn(a, Number(b)));
    env.registerOperator(`int ${op} double`, (a: bigint, b: number) => fn(Number(a), b));
  }
  return env;
}

let base: Environment | undefined;
const environments = new Map<string, Environment>();
const MAX_ENVIRONMENTS = 64;

/** A stable key for a set of declarations: the same declarations share one environment and one AST cache. */
export function declarationsKey(decls: ExpressionDeclarations): string {
  const fields = (f: FieldDeclarations | undefined) =>
    f
      ? Object.keys(f)
          .sort()
          .map((k) => `${k}:${f[k].type}`)
          .join(',')
      : '-';
  return `${fields(decls.attributes)}|${fields(decls.event)}|${decls.assessment === false ? 0 : 1}`;
}

function schemaOf(fields: FieldDeclarations): Record<string, string> {
  const schema: Record<string, string> = {};
  for (const [name, decl] of Object.entries(fields)) schema[name] = celTypeOf[decl.type] ?? 'dyn';
  return schema;
}

/** Builds (or reuses) the environment for a journey's declarations. Typed objects make `patient.agee` a type error. */
export function environmentFor(decls: ExpressionDeclarations): Environment {
  const key = declarationsKey(decls);
  const cached = environments.get(key);
  if (cached) return cached;
  base ??= buildBase();
  const env = base.clone();
  env.registerVariable({
    name: 'patient',
    schema: schemaOf(decls.attributes),
    description: "The patient's declared attributes.",
  });
  if (decls.event)
    env.registerVariable({ name: 'event', schema: schemaOf(decls.event), description: 'The awaited event’s payload.' });
  if (decls.assessment !== false) {
    env.registerVariable({
      name: 'assessment',
      schema: { score: 'double', answers: 'map<string, dyn>', class: 'string' },
      description: 'The latest assessment: total score, answers by question id, score-band class.',
    });
  }
  env.registerVariable('now', TIMESTAMP, { description: 'The moment of evaluation, given by the engine.' });
  if (environments.size >= MAX_ENVIRONMENTS) environments.delete(environments.keys().next().value as string);
  environments.set(key, env);
  return env;
}

/** The names an expression may use with these declarations, for messages and editor completion. */
export function availableNames(decls: ExpressionDeclarations): string[] {
  return ['patient', ...(decls.event ? ['event'] : []), ...(decls.assessment === false ? [] : ['assessment']), 'now'];
}
