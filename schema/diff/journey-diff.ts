/** The step-level diff of a journey version against an earlier one (normally the last approved), with "unchanged since version K". */
import type { JourneyDocument } from '../document.js';
import { changedFields, sameJson, type FieldChange } from './fields.js';

export type StepDiffStatus = 'added' | 'removed' | 'changed' | 'unchanged';

export interface StepDiff {
  stepId: string;
  status: StepDiffStatus;
  /** The step's type (from the newer version, or the removed step's). */
  type: string;
  name?: string;
  /** Pointers inside the step; empty unless `changed`. */
  changedFields: FieldChange[];
  /** For an unchanged step: the oldest version from which it has been exactly as it is now. */
  unchangedSince?: number;
}

export interface JourneyDiff {
  steps: StepDiff[];
  /** Journey-level changes: settings, attributes, events, exit criteria, goals, entry rules (never the layout). */
  journey: { changedFields: FieldChange[] };
}

export interface NumberedDocument {
  number: number;
  document: JourneyDocument;
}

type StepLike = { type?: string; name?: string };

const stepsOf = (document: JourneyDocument) => (document.steps ?? {}) as Record<string, unknown>;

/** The document without its steps and layout: what journey-level changes are measured on. */
function journeyLevel(document: JourneyDocument): Record<string, unknown> {
  const { steps: _steps, layout: _layout, ...rest } = document as JourneyDocument & { layout?: unknown };
  return rest;
}

/** How far back a step has stayed the same: walks older versions, newest first, while the step is identical. */
function unchangedSince(stepId: string, step: unknown, current: number, history: NumberedDocument[]): number {
  let since = current;
  for (const older of history) {
    const earlier = stepsOf(older.document)[stepId];
    if (earlier === undefined || !sameJson(earlier, step)) break;
    since = older.number;
  }
  return since;
}

function describe(stepId: string, step: unknown): Pick<StepDiff, 'stepId' | 'type' | 'name'> {
  const { type, name } = (step ?? {}) as StepLike;
  return { stepId, type: type ?? 'unknown', ...(name ? { name } : {}) };
}

/**
 * Compares `current` with `base` (null when there is nothing approved to compare with: every step is added).
 * `history` may hold any other versions of the journey; only those older than `current` count, and with `base`
 * they decide "unchanged since version K".
 */
export function diffJourneys(
  current: NumberedDocument,
  base: NumberedDocument | null,
  history: NumberedDocument[] = [],
): JourneyDiff {
  const older = [...history, ...(base ? [base] : [])]
    .filter((v, i, all) => v.number < current.number && all.findIndex((w) => w.number === v.number) === i)
    .sort((a, b) => b.number - a.number);
  const now = stepsOf(current.document);
  const before = base ? stepsOf(base.document) : {};

  const steps: StepDiff[] = Object.entries(now).map(([stepId, step]) => {
    if (!Object.hasOwn(before, stepId)) return { ...describe(stepId, step), status: 'added', changedFields: [] };
    const changes = changedFields(before[stepId], step);
    if (changes.length > 0) return { ...describe(stepId, step), status: 'changed', changedFields: changes };
    return {
      ...describe(stepId, step),
      status: 'unchanged',
      changedFields: [],
      unchangedSince: unchangedSince(stepId, step, current.number, older),
    };
  });
  for (const [stepId, step] of Object.entries(before))
    if (!Object.hasOwn(now, stepId)) steps.push({ ...describe(stepId, step), status: 'removed', changedFields: [] });

  return {
    steps,
    journey: {
      changedFields: base ? changedFields(journeyLevel(base.document), journeyLevel(current.document)) : [],
    },
  };
}
