/** Validates a journey document and returns every problem at once: structure, graph, then each step's own rules. */
import type { z } from 'zod';
import { JourneyDocument } from './document.js';
import { checkGraph } from './graph.js';
import { kindOf, stepTypes, type Step } from './steps/registry.js';
import { checkShape, documentLimits } from './parse.js';
import { checkJourneyRules } from './journey-rules.js';
import { migrateDocument } from './migrations/index.js';
import { checkConnectors, type ValidationContext } from './connectors-check.js';
import { pointerToken, stepIdOfPointer, toPointer, type Problem } from './problems.js';

export type ValidationResult =
  | { ok: true; document: JourneyDocument; problems: Problem[] }
  | { ok: false; document?: JourneyDocument; problems: Problem[] };

/** Validates an untrusted value as a journey document. `ok` is true when there is no error (warnings may remain). */
export function validateJourney(input: unknown, context: ValidationContext = {}): ValidationResult {
  const shape = checkShape(input);
  if (shape)
    return {
      ok: false,
      problems: [{ code: 'structure.limits', pointer: shape.pointer, severity: 'error', message: shape.message }],
    };
  const steps = (input as { steps?: unknown } | null)?.steps;
  if (steps && typeof steps === 'object' && Object.keys(steps).length > documentLimits.maxSteps) {
    return {
      ok: false,
      problems: [
        {
          code: 'structure.limits',
          pointer: '/steps',
          severity: 'error',
          message: `The journey has ${Object.keys(steps).length} steps; the limit is ${documentLimits.maxSteps}.`,
        },
      ],
    };
  }
  const migrated = migrateDocument(input);
  if (!migrated.ok)
    return {
      ok: false,
      problems: [
        { code: 'structure.schema-version', pointer: '/schemaVersion', severity: 'error', message: migrated.message },
      ],
    };
  const parsed = JourneyDocument.safeParse(migrated.document);
  if (!parsed.success) return { ok: false, problems: structureProblems(parsed.error, input) };
  const document = parsed.data;
  const problems = journeyProblems(document, context, (stepId, step) =>
    kindOf(step).check(step, { at: `/steps/${pointerToken(stepId)}`, stepId, document }),
  );
  const ok = !problems.some((p) => p.severity === 'error');
  return ok ? { ok, document, problems } : { ok, document, problems };
}

/** The semantic problems of a parsed document: graph, journey rules, connectors, then each step's own rules. */
export function journeyProblems(
  document: JourneyDocument,
  context: ValidationContext,
  stepProblems: (stepId: string, step: Step) => Problem[],
): Problem[] {
  const problems: Problem[] = [
    ...checkGraph(document),
    ...checkJourneyRules(document),
    ...checkConnectors(document, context),
  ];
  for (const [stepId, step] of Object.entries(document.steps)) problems.push(...stepProblems(stepId, step));
  return problems;
}

function structureProblems(error: z.ZodError, input: unknown): Problem[] {
  return error.issues.map((issue) => {
    const pointer = toPointer(issue.path);
    const stepId = stepIdOfPointer(pointer);
    return {
      code: `structure.${issue.code}`,
      pointer,
      stepId,
      severity: 'error' as const,
      message: describeIssue(issue, pointer, input),
    };
  });
}

function describeIssue(issue: z.core.$ZodIssue, pointer: string, input: unknown): string {
  const where = pointer === '' ? 'The document' : `"${pointer}"`;
  if (
    issue.code === 'invalid_union' &&
    issue.path[0] === 'steps' &&
    (issue.path.length === 2 || issue.path[2] === 'type')
  ) {
    const type = (input as { steps: Record<string, { type?: unknown }> }).steps?.[String(issue.path[1])]?.type;
    return `Step "${String(issue.path[1])}" has an unknown type ${JSON.stringify(type)}; known types are ${stepTypes.join(', ')}.`;
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) return `${where} is required.`;
  if (issue.code === 'unrecognized_keys') return `${where} has unknown field(s): ${issue.keys.join(', ')}.`;
  return `${where}: ${issue.message}.`;
}
