/**
 * Validation that remembers each step: after an edit to one step of a 2,000-step journey it parses and checks
 * that step again, and reuses the rest. Same answer as `validateJourney`, which it falls back to whenever the
 * document has a structure problem (those are rare, and the full path words them).
 */
import { JourneyDocument, CURRENT_SCHEMA_VERSION, Layout } from './document.js';
import { StepId } from './ids.js';
import { checkShape, documentLimits } from './parse.js';
import { kindOf, Step } from './steps/registry.js';
import { journeyProblems, validateJourney, type ValidationResult } from './validate.js';
import type { ValidationContext } from './connectors-check.js';
import { pointerToken, type Problem } from './problems.js';

// Layout apart: moving a step changes it, and must not make every step's checks run again.
const DocumentWithoutSteps = JourneyDocument.omit({ steps: true, layout: true });
type DocumentWithoutSteps = ReturnType<typeof DocumentWithoutSteps.parse>;
const OptionalLayout = Layout.optional();
type OptionalLayout = ReturnType<typeof OptionalLayout.parse>;

/** What a step's own checks read besides the step (see StepKind.check); its problems are kept while these stay the same objects. */
interface CheckedStep {
  stepId: string;
  attributes: unknown;
  events: unknown;
  settings: unknown;
  problems: Problem[];
}

export type JourneyValidator = (input: unknown, context?: ValidationContext) => ValidationResult;

/** A validator with its own cache; keep one per open journey (the designer keeps one per editor). */
export function createJourneyValidator(): JourneyValidator {
  // Keyed by the objects the caller passes: an editor that replaces only the step it changes hits for all the others.
  const parsedSteps = new WeakMap<object, Step | null>();
  const checkedSteps = new WeakMap<Step, CheckedStep>();
  let rest: { fields: [string, unknown][]; parsed: DocumentWithoutSteps } | undefined;
  let layout: { input: unknown; parsed: OptionalLayout } | undefined;

  /** The document without its steps and layout, parsed again only when one of its fields is a different object. */
  function parseRest(input: Record<string, unknown>): DocumentWithoutSteps | undefined {
    const fields = Object.entries(input).filter(([key]) => key !== 'steps' && key !== 'layout');
    const same =
      rest !== undefined &&
      rest.fields.length === fields.length &&
      fields.every(([key, value], i) => rest!.fields[i][0] === key && rest!.fields[i][1] === value);
    if (same) return rest!.parsed;
    const withoutSteps = Object.fromEntries(fields);
    if (checkShape(withoutSteps)) return undefined;
    const parsed = DocumentWithoutSteps.safeParse(withoutSteps);
    if (!parsed.success) return undefined;
    rest = { fields, parsed: parsed.data };
    return parsed.data;
  }

  /** The layout (or `false` when it has a structure problem), parsed again only when it is a different object. */
  function parseLayout(input: unknown): OptionalLayout | false {
    if (layout && layout.input === input) return layout.parsed;
    if (checkShape(input, { depth: 1, path: '/layout' })) return false;
    const parsed = OptionalLayout.safeParse(input);
    if (!parsed.success) return false;
    layout = { input, parsed: parsed.data };
    return parsed.data;
  }

  function parseStep(id: string, input: unknown): Step | undefined {
    if (input === null || typeof input !== 'object') return undefined;
    let parsed = parsedSteps.get(input);
    if (parsed === undefined) {
      const shapeProblem = checkShape(input, { depth: 2, path: `/steps/${pointerToken(id)}` });
      const result = shapeProblem ? undefined : Step.safeParse(input);
      parsed = result?.success ? result.data : null;
      parsedSteps.set(input, parsed);
    }
    return parsed ?? undefined;
  }

  function stepProblems(document: JourneyDocument, stepId: string, step: Step): Problem[] {
    const { attributes, events, settings } = document;
    const cached = checkedSteps.get(step);
    if (
      cached &&
      cached.stepId === stepId &&
      cached.attributes === attributes &&
      cached.events === events &&
      cached.settings === settings
    )
      return cached.problems;
    const problems = kindOf(step).check(step, { at: `/steps/${pointerToken(stepId)}`, stepId, document });
    checkedSteps.set(step, { stepId, attributes, events, settings, problems });
    return problems;
  }

  /** The incremental answer, or undefined when the document has a structure problem (the full validator words it). */
  function incremental(input: unknown, context: ValidationContext): ValidationResult | undefined {
    if (input === null || typeof input !== 'object' || Array.isArray(input)) return undefined;
    const record = input as Record<string, unknown>;
    if (record.schemaVersion !== CURRENT_SCHEMA_VERSION) return undefined;
    const inputSteps = record.steps;
    if (inputSteps === null || typeof inputSteps !== 'object' || Array.isArray(inputSteps)) return undefined;
    const entries = Object.entries(inputSteps);
    if (entries.length > documentLimits.maxSteps) return undefined;
    const parsedRest = parseRest(record);
    if (!parsedRest) return undefined;
    const parsedLayout = parseLayout(record.layout);
    if (parsedLayout === false) return undefined;
    const steps: Record<string, Step> = {};
    for (const [id, value] of entries) {
      if (!StepId.safeParse(id).success) return undefined;
      const step = parseStep(id, value);
      if (!step) return undefined;
      steps[id] = step;
    }
    // The same key order as a full parse gives (steps, then layout).
    const document: JourneyDocument = {
      ...parsedRest,
      steps,
      ...(parsedLayout === undefined ? {} : { layout: parsedLayout }),
    };
    const problems = journeyProblems(document, context, (stepId, step) => stepProblems(document, stepId, step));
    const ok = !problems.some((p) => p.severity === 'error');
    return { ok, document, problems };
  }

  return (input, context = {}) => incremental(input, context) ?? validateJourney(input, context);
}
