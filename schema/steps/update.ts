/** The update step: set patient attributes (from CEL expressions) and tags, then go on. */
import { z } from 'zod';
import { stepBase, type StepKind } from './common.js';
import type { Problem } from '../problems.js';
import { checkExpression, fitsAttributeType } from '../expressions/index.js';
import { declarationsFor } from './checks.js';

export const UpdateStep = z.strictObject({
  type: z.literal('update'),
  ...stepBase,
  /** Each value is a CEL expression, e.g. `"high"` or `assessment.score`. */
  set: z
    .array(z.strictObject({ attribute: z.string().max(64), value: z.string().max(2000) }))
    .max(20)
    .default([]),
  addTags: z.array(z.string().min(1).max(64)).max(20).default([]),
  removeTags: z.array(z.string().min(1).max(64)).max(20).default([]),
});
export type UpdateStep = z.infer<typeof UpdateStep>;

export const updateKind: StepKind<UpdateStep> = {
  type: 'update',
  label: 'Update',
  requiredOutputs: () => ['next'],
  optionalOutputs: () => [],
  waits: () => false,
  check(step, { at, stepId, document }) {
    const problems: Problem[] = [];
    step.set.forEach((assignment, i) => {
      const declared = Object.hasOwn(document.attributes ?? {}, assignment.attribute)
        ? document.attributes[assignment.attribute]
        : undefined;
      if (!declared) {
        problems.push({
          code: 'update.unknown-attribute',
          pointer: `${at}/set/${i}/attribute`,
          stepId,
          severity: 'error',
          message: `Step "${stepId}" sets "${assignment.attribute}", which is not a declared patient attribute.`,
        });
        return;
      }
      const result = checkExpression(assignment.value, declarationsFor(document), 'any');
      if (!result.ok) {
        for (const p of result.problems)
          problems.push({
            code: 'expression.invalid',
            pointer: `${at}/set/${i}/value`,
            stepId,
            severity: 'error',
            message: `Step "${stepId}", value of "${assignment.attribute}": ${p.message} (at character ${p.position + 1}).`,
          });
      } else if (!fitsAttributeType(result.type, declared.type)) {
        problems.push({
          code: 'expression.type-mismatch',
          pointer: `${at}/set/${i}/value`,
          stepId,
          severity: 'error',
          message: `Step "${stepId}": "${assignment.attribute}" is a ${declared.type}, but the value is a ${result.type}.`,
        });
      }
    });
    if (step.set.length === 0 && step.addTags.length === 0 && step.removeTags.length === 0) {
      problems.push({
        code: 'update.empty',
        pointer: `${at}/set`,
        stepId,
        severity: 'warning',
        message: `Step "${stepId}" changes nothing.`,
      });
    }
    return problems;
  },
  create: () => ({ type: 'update', set: [], addTags: [], removeTags: [], outputs: {} }),
};
