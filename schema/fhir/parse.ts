/** Reading an untrusted FHIR Questionnaire: structure with precise JSON pointers, then the semantic checks, all problems at once. */
import type { z } from 'zod';
import { checkShape } from '../parse.js';
import { toPointer, type Problem } from '../problems.js';
import { Questionnaire } from './questionnaire.js';
import { checkQuestionnaire, type CheckOptions } from './scoring.js';

export type QuestionnaireParseResult =
  | { ok: true; questionnaire: Questionnaire; problems: Problem[] }
  | { ok: false; questionnaire?: Questionnaire; problems: Problem[] };

/** Validates a value as a Questionnaire Carepath can deliver and score. `ok` is true when no problem is an error. */
export function parseQuestionnaire(input: unknown, options: CheckOptions = {}): QuestionnaireParseResult {
  const at = options.at ?? '';
  const located = (pointer: string, code: string, message: string): Problem => ({
    code,
    pointer: at + pointer,
    ...(options.stepId ? { stepId: options.stepId } : {}),
    severity: 'error',
    message,
  });
  // Depth and forbidden keys first, so a hostile document never reaches the recursive schema.
  const shape = checkShape(input);
  if (shape) return { ok: false, problems: [located(shape.pointer, 'questionnaire.limits', shape.message)] };
  const parsed = Questionnaire.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) =>
        located(toPointer(issue.path), `questionnaire.${issue.code}`, describe(issue)),
      ),
    };
  }
  const problems = checkQuestionnaire(parsed.data, options);
  const ok = !problems.some((problem) => problem.severity === 'error');
  return ok ? { ok, questionnaire: parsed.data, problems } : { ok, questionnaire: parsed.data, problems };
}

function describe(issue: z.core.$ZodIssue): string {
  const where = issue.path.length === 0 ? 'The questionnaire' : `Questionnaire field "${issue.path.join('.')}"`;
  if (issue.code === 'invalid_type' && issue.input === undefined) return `${where} is required.`;
  if (issue.code === 'invalid_value' && issue.path.at(-1) === 'type')
    return `${where} must be one of ${issue.values.join(', ')} (other FHIR item types are not supported).`;
  return `${where}: ${issue.message}.`;
}
