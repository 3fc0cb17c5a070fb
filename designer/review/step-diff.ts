/** The step-level diff a reviewer reads: which steps were added, removed or changed against the last approved version, field by field. */
import { canonicalJson, type JourneyDocument, type Step } from '../../schema/index.js';
import { fieldLabel } from './field-labels.js';

export type StepChangeKind = 'added' | 'removed' | 'changed' | 'unchanged';

/** One leaf value that differs; `before` or `after` is undefined where the field did not exist. */
export interface FieldChange {
  /** Slash-separated path inside the step (or the journey), e.g. `await/classes/0/match/1`. */
  path: string;
  label: string;
  before?: string;
  after?: string;
}

export interface StepDiffEntry {
  stepId: string;
  kind: StepChangeKind;
  /** The step's name in the newer version (the older one for a removed step). */
  name: string;
  type: Step['type'];
  fields: FieldChange[];
}

export interface JourneyDiff {
  steps: StepDiffEntry[];
  /** Journey-level content outside the steps: name, attributes, events, exit criteria, goals, settings, start. */
  journey: FieldChange[];
}

/** Every leaf of a JSON value as display text, keyed by its path. */
function leaves(value: unknown, prefix: string, into: Map<string, string>): Map<string, string> {
  if (Array.isArray(value)) value.forEach((item, i) => leaves(item, join(prefix, String(i)), into));
  else if (value !== null && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) {
      if (item !== undefined) leaves(item, join(prefix, key), into);
    }
  else if (value !== undefined) into.set(prefix, typeof value === 'string' ? value : JSON.stringify(value));
  return into;
}

const join = (prefix: string, key: string) => (prefix ? `${prefix}/${key}` : key);

/** The leaf fields that differ between two values, in the newer value's order, removed ones last. */
export function diffFields(before: unknown, after: unknown): FieldChange[] {
  const a = leaves(before, '', new Map());
  const b = leaves(after, '', new Map());
  const changes: FieldChange[] = [];
  for (const [path, value] of b) {
    if (a.get(path) !== value) changes.push({ path, label: fieldLabel(path), before: a.get(path), after: value });
  }
  for (const [path, value] of a) {
    if (!b.has(path)) changes.push({ path, label: fieldLabel(path), before: value });
  }
  return changes;
}

const own = (record: object, key: string) => Object.prototype.hasOwnProperty.call(record, key);

/** Compares `after` with `before` (the last approved version); without a `before`, every step is new. Layout is ignored, as the hash ignores it. */
export function diffJourneys(before: JourneyDocument | undefined, after: JourneyDocument): JourneyDiff {
  const oldSteps = before?.steps ?? {};
  const steps: StepDiffEntry[] = [];
  for (const [stepId, step] of Object.entries(after.steps)) {
    const name = step.name || stepId;
    if (!own(oldSteps, stepId)) {
      steps.push({ stepId, kind: 'added', name, type: step.type, fields: diffFields(undefined, step) });
      continue;
    }
    const same = canonicalJson(oldSteps[stepId]) === canonicalJson(step);
    const fields = same ? [] : diffFields(oldSteps[stepId], step);
    steps.push({ stepId, kind: same ? 'unchanged' : 'changed', name, type: step.type, fields });
  }
  for (const [stepId, step] of Object.entries(oldSteps)) {
    if (!own(after.steps, stepId))
      steps.push({
        stepId,
        kind: 'removed',
        name: step.name || stepId,
        type: step.type,
        fields: diffFields(step, undefined),
      });
  }
  const journeyPart = (document: JourneyDocument | undefined) => {
    if (!document) return undefined;
    const { steps: _steps, layout: _layout, schemaVersion: _version, ...rest } = document;
    return rest;
  };
  return { steps, journey: before ? diffFields(journeyPart(before), journeyPart(after)) : [] };
}
