/** Shared semantic checks for step rules: CEL expressions and Liquid templates, reported as journey problems with the position in the text. */
import { checkExpression, type ExpressionDeclarations, type ExpectedType } from '../expressions/index.js';
import { checkTemplate } from '../templates/index.js';
import type { JourneyDocument } from '../document.js';
import type { Problem } from '../problems.js';

export { declarationsFor } from '../expressions/declarations.js';

export function expressionProblems(
  source: string,
  decls: ExpressionDeclarations,
  expected: ExpectedType,
  pointer: string,
  where: string,
  stepId?: string,
): Problem[] {
  const result = checkExpression(source, decls, expected);
  if (result.ok) return [];
  return result.problems.map((p) => ({
    code: 'expression.invalid',
    pointer,
    ...(stepId ? { stepId } : {}),
    severity: 'error' as const,
    message: `${where}: ${p.message} (at character ${p.position + 1}).`,
  }));
}

export function templateProblems(
  source: string,
  document: JourneyDocument,
  pointer: string,
  where: string,
  stepId: string,
): Problem[] {
  return checkTemplate(source, { patient: Object.keys(document.attributes ?? {}), journey: ['name', 'id'] }).map(
    (p) => ({
      code: 'template.invalid',
      pointer,
      stepId,
      severity: 'error' as const,
      message: `${where}: ${p.message} (at character ${p.position + 1}).`,
    }),
  );
}
