/** The step-level diff a reviewer reads: schema/diff's answer (the same the API serves) with field names in words and values as text. */
import {
  diffJourneys,
  type FieldChange as PointerChange,
  type NumberedDocument,
  type StepDiffStatus,
} from '../../schema/diff/index.js';
import type { Step } from '../../schema/index.js';
import { fieldLabel } from './field-labels.js';

export type { NumberedDocument };
export type StepChangeKind = StepDiffStatus;

/** One leaf value that differs; `before` or `after` is undefined where the field did not exist. */
export interface FieldChange {
  /** JSON pointer inside the step (or the journey), e.g. `/await/classes/0/match/1`. */
  pointer: string;
  label: string;
  before?: string;
  after?: string;
}

export interface StepDiffEntry {
  stepId: string;
  kind: StepChangeKind;
  /** The step's name, else its id. */
  name: string;
  type: Step['type'];
  fields: FieldChange[];
  /** For an unchanged step: K in "unchanged since version K". */
  unchangedSince?: number;
}

export interface ReviewDiff {
  steps: StepDiffEntry[];
  /** Journey-level content outside the steps: name, attributes, events, exit criteria, goals, settings, start. */
  journey: FieldChange[];
}

/** JSON values as a reviewer reads them: text as it is, anything else as compact JSON. */
const asText = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

function inWords(change: PointerChange): FieldChange {
  return {
    pointer: change.pointer,
    label: fieldLabel(change.pointer),
    ...('before' in change ? { before: asText(change.before) } : {}),
    ...('after' in change ? { after: asText(change.after) } : {}),
  };
}

/** `current` against `base` (the last approved version; none: every step is new), `earlier` deciding "unchanged since". */
export function reviewDiff(
  current: NumberedDocument,
  base: NumberedDocument | undefined,
  earlier: NumberedDocument[],
): ReviewDiff {
  const diff = diffJourneys(current, base ?? null, earlier);
  return {
    steps: diff.steps.map((s) => ({
      stepId: s.stepId,
      kind: s.status,
      name: s.name || s.stepId,
      type: s.type as Step['type'],
      fields: s.changedFields.map(inWords),
      ...(s.unchangedSince !== undefined ? { unchangedSince: s.unchangedSince } : {}),
    })),
    journey: diff.journey.changedFields.map(inWords),
  };
}
