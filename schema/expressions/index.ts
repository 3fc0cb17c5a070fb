/** The journey's expression language (CEL): declarations, design-time checking and deterministic evaluation. */
export { environmentFor, availableNames, expressionLimits, journeyTypeName, TIMESTAMP } from './environment.js';
export type { ExpressionDeclarations, FieldDeclaration, FieldDeclarations, FieldType } from './environment.js';
export { checkExpression, fitsAttributeType } from './check.js';
export type { CheckResult, ExpectedType, ExpressionProblem } from './check.js';
export { evaluateExpression, toDate } from './evaluate.js';
export type { EvaluateResult, ExpressionValues, JsonValue } from './evaluate.js';
