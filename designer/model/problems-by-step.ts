/** Validation problems grouped by the step they belong to, for badges on nodes and the Publish gate. */
import type { Problem } from '../../schema/index.js';

export function problemsByStep(problems: readonly Problem[]): Map<string, Problem[]> {
  const byStep = new Map<string, Problem[]>();
  for (const problem of problems) {
    if (!problem.stepId) continue;
    const list = byStep.get(problem.stepId) ?? [];
    list.push(problem);
    byStep.set(problem.stepId, list);
  }
  return byStep;
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((problem) => problem.severity === 'error');
}
