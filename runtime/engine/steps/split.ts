/** Engine behaviour of the split step: the first condition that holds, the band the score falls in, or a seeded random draw. */
import type { SplitStep } from '../../../schema/steps/split.js';
import { evaluate, type StepContext } from '../context.js';
import { leave, type Entry } from './entry.js';

export function enterSplit(ctx: StepContext, step: SplitStep): Entry {
  const rule = step.split;
  if (rule.mode === 'conditions') {
    for (const branch of rule.branches) {
      const result = evaluate(ctx, branch.when, 'bool');
      // A condition that cannot be evaluated (a missing attribute) does not hold; the reason is kept on the path.
      if (result.ok && result.value === true) return leave(branch.id);
    }
    return leave('else');
  }
  if (rule.mode === 'bands') {
    const result = evaluate(ctx, rule.value, 'any');
    const value = result.ok && typeof result.value === 'number' ? result.value : undefined;
    const band = value === undefined ? undefined : rule.bands.find((b) => value >= b.min && value <= b.max);
    if (band) return leave(band.id, `value ${value}`);
    const why =
      value === undefined
        ? `no number from ${rule.value}${result.ok ? '' : `: ${result.error}`}`
        : `value ${value} is in no band`;
    return step.outputs['out-of-range'] ? leave('out-of-range', why) : { kind: 'fail', reason: `split: ${why}` };
  }
  const draw = ctx.random() * 100;
  let total = 0;
  for (const variant of rule.variants) {
    total += variant.percent;
    if (draw < total) return leave(variant.id, `draw ${draw.toFixed(2)}`);
  }
  return leave(rule.variants[rule.variants.length - 1].id, `draw ${draw.toFixed(2)}`);
}
