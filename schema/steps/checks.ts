/** Shared semantic checks for step rules: CEL expressions and Liquid templates, reported as journey problems with the position in the text. */
import { checkExpression, type ExpressionDeclarations, type ExpectedType } from '../expressions/index.js';
import { checkTemplate } from '../templates/index.js';
import type { JourneyDocument } from '../document.js';
import type { Problem } from '../problems.js';

/** What an expression in this journey may name: declared patient attributes, and the payload of `event` where one is known. */
export function declarationsFor(document: JourneyDocument, eventName?: string): ExpressionDeclarations {
  const event =
    eventName && Object.hasOwn(document.events ?? {}, eventName) ? document.events[eventName].fields : undefined;
  return { attributes: document.attributes ?? {}, ...(event ? { event } : {}) };
}

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
