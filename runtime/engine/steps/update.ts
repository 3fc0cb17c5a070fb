/** Engine behaviour of the update and goal steps: change attributes and tags, record a conversion, then go on. */
import type { UpdateStep } from '../../../schema/steps/update.js';
import type { GoalStep } from '../../../schema/steps/goal.js';
import { evaluate, type StepContext } from '../context.js';
import { leave, type Entry } from './entry.js';

export function enterUpdate(ctx: StepContext, step: UpdateStep): Entry {
  const values: Record<string, unknown> = {};
  const skipped: string[] = [];
  for (const { attribute, value } of step.set) {
    const result = evaluate(ctx, value, 'any');
    if (result.ok) values[attribute] = result.value;
    else skipped.push(attribute);
  }
  Object.assign(ctx.state.attributes, values);
  const tags = new Set(ctx.state.tags ?? []);
  step.addTags.forEach((t) => tags.add(t));
  step.removeTags.forEach((t) => tags.delete(t));
  ctx.state.tags = [...tags];
  ctx.commands.push({ type: 'update-attributes', values, addTags: step.addTags, removeTags: step.removeTags });
  return leave('next', skipped.length ? `could not compute ${skipped.join(', ')}` : undefined);
}

export function recordGoal(ctx: StepContext, goal: string): boolean {
  if ((ctx.state.goals ?? []).includes(goal)) return false;
  ctx.state.goals = [...(ctx.state.goals ?? []), goal];
  ctx.commands.push({ type: 'record-goal', goal });
  return true;
}

export function enterGoal(ctx: StepContext, step: GoalStep): Entry {
  recordGoal(ctx, step.goal);
  return leave('next');
}
