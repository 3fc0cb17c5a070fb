/** Journey-level reactions to every event: exit criteria (taking effect at once, even mid-wait) and conversion goals. */
import { evaluate, type StepContext } from './context.js';
import { recordGoal } from './steps/update.js';

/** The exit criterion this event (or attribute change) meets, if any. */
export function exitCriterionMet(
  ctx: StepContext,
  event?: { name: string; payload?: Record<string, unknown> },
): string | undefined {
  for (const criterion of ctx.definition.exitCriteria) {
    if (criterion.event) {
      if (!event || event.name !== criterion.event) continue;
    } else if (event) {
      continue; // Condition-only criteria are about attributes; they are checked when attributes change.
    }
    if (!criterion.when) return criterion.label ?? criterion.id;
    const result = evaluate(ctx, criterion.when, 'bool', event);
    if (result.ok && result.value === true) return criterion.label ?? criterion.id;
  }
  return undefined;
}

/** Records every goal this event converts; returns how many were new. */
export function goalsMet(ctx: StepContext, event: { name: string; payload?: Record<string, unknown> }): number {
  let count = 0;
  for (const goal of ctx.definition.goals) {
    if (goal.event !== event.name) continue;
    if (goal.when) {
      const result = evaluate(ctx, goal.when, 'bool', event);
      if (!result.ok || result.value !== true) continue;
    }
    if (recordGoal(ctx, goal.id)) count++;
  }
  return count;
}
