/** The split step: first matching condition, classification by score bands, or a seeded random percentage (A/B). */
import { z } from 'zod';
import { OutputName } from '../ids.js';
import { stepBase, type StepKind } from './common.js';
import type { Problem } from '../problems.js';
import { declarationsFor, expressionProblems } from './checks.js';

export const SplitRule = z.discriminatedUnion('mode', [
  z.strictObject({
    mode: z.literal('conditions'),
    /** Tried in order; the first whose CEL condition holds is taken, else `else`. */
    branches: z
      .array(z.strictObject({ id: OutputName, label: z.string().max(200).optional(), when: z.string().max(2000) }))
      .min(1)
      .max(20),
  }),
  z.strictObject({
    mode: z.literal('bands'),
    /** A CEL number; the latest assessment's score by default. */
    value: z.string().max(2000).default('assessment.score'),
    /** Inclusive ranges, one output each, e.g. PHQ-9: 0–4, 5–9, 10–14, 15–19, 20–27. */
    bands: z
      .array(
        z.strictObject({
          id: OutputName,
          label: z.string().max(200).optional(),
          min: z.number().finite(),
          max: z.number().finite(),
        }),
      )
      .min(1)
      .max(20),
  }),
  z.strictObject({
    mode: z.literal('random'),
    /** Percentages summing to 100; the draw comes from the host's seeded random, identical on replay. */
    variants: z
      .array(
        z.strictObject({ id: OutputName, label: z.string().max(200).optional(), percent: z.number().min(0).max(100) }),
      )
      .min(2)
      .max(10),
  }),
]);

export const SplitStep = z.strictObject({
  type: z.literal('split'),
  ...stepBase,
  split: SplitRule,
});
export type SplitStep = z.infer<typeof SplitStep>;

function branchIds(step: SplitStep): string[] {
  const rule = step.split;
  return rule.mode === 'conditions'
    ? rule.branches.map((b) => b.id)
    : rule.mode === 'bands'
      ? rule.bands.map((b) => b.id)
      : rule.variants.map((v) => v.id);
}

/** Gaps and overlaps in a band table, assuming whole-number scores (as questionnaire totals are). */
export function bandProblems(bands: ReadonlyArray<{ id: string; min: number; max: number }>): string[] {
  const messages: string[] = [];
  for (const band of bands)
    if (band.min > band.max) messages.push(`band "${band.id}" starts at ${band.min} but ends at ${band.max}`);
  const sorted = [...bands].sort((a, b) => a.min - b.min);
  for (let i = 1; i < sorted.length; i++) {
    const previous = sorted[i - 1];
    const band = sorted[i];
    if (band.min <= previous.max)
      messages.push(
        `bands "${previous.id}" (${previous.min}–${previous.max}) and "${band.id}" (${band.min}–${band.max}) overlap`,
      );
    else if (band.min > Math.floor(previous.max) + 1)
      messages.push(
        `no band covers ${Math.floor(previous.max) + 1}–${Math.ceil(band.min) - 1}, between "${previous.id}" and "${band.id}"`,
      );
  }
  return messages;
}

export const splitKind: StepKind<SplitStep> = {
  type: 'split',
  label: 'Split',
  requiredOutputs: (step) => [...branchIds(step), ...(step.split.mode === 'conditions' ? ['else'] : [])],
  // A score outside every band takes `out-of-range` if connected; otherwise the enrollment fails loudly rather than guess.
  optionalOutputs: (step) => (step.split.mode === 'bands' ? ['out-of-range'] : []),
  waits: () => false,
  check(step, { at, stepId, document }) {
    const problems: Problem[] = [];
    const ids = branchIds(step);
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i || id === 'else' || id === 'capped' || id === 'out-of-range') {
        problems.push({
          code: 'split.duplicate-branch',
          pointer: `${at}/split`,
          stepId,
          severity: 'error',
          message: `Step "${stepId}": branch "${id}" is used twice or is a reserved output name.`,
        });
      }
    });
    const rule = step.split;
    const decls = declarationsFor(document);
    if (rule.mode === 'conditions') {
      rule.branches.forEach((b, i) =>
        problems.push(
          ...expressionProblems(
            b.when,
            decls,
            'bool',
            `${at}/split/branches/${i}/when`,
            `Step "${stepId}", branch "${b.id}"`,
            stepId,
          ),
        ),
      );
    } else if (rule.mode === 'bands') {
      problems.push(
        ...expressionProblems(rule.value, decls, 'any', `${at}/split/value`, `Step "${stepId}", value`, stepId),
      );
      for (const message of bandProblems(rule.bands)) {
        problems.push({
          code: 'split.band-table',
          pointer: `${at}/split/bands`,
          stepId,
          severity: 'error',
          message: `Step "${stepId}": ${message}.`,
        });
      }
    } else {
      const total = rule.variants.reduce((sum, v) => sum + v.percent, 0);
      if (Math.abs(total - 100) > 1e-9) {
        problems.push({
          code: 'split.percent-total',
          pointer: `${at}/split/variants`,
          stepId,
          severity: 'error',
          message: `Step "${stepId}": the variants add up to ${total}%, not 100%.`,
        });
      }
    }
    return problems;
  },
  create: () => ({
    type: 'split',
    split: { mode: 'conditions', branches: [{ id: 'yes', when: 'true' }] },
    outputs: {},
  }),
};
