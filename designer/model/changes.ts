/** Typed edits to a journey document and the one pure function that applies them; every edit, from canvas, inspector or JSON tab, goes through here. */
import { outputsOf, type JourneyDocument, type Step } from '../../schema/index.js';

export interface Position {
  x: number;
  y: number;
}

export type JourneyChange =
  | { type: 'add-step'; stepId: string; step: Step; position?: Position }
  | { type: 'remove-step'; stepId: string }
  | { type: 'connect'; source: string; output: string; target: string }
  | { type: 'disconnect'; source: string; output: string }
  | { type: 'update-step'; stepId: string; step: Step }
  | { type: 'move-step'; stepId: string; position: Position }
  | { type: 'set-start'; stepId: string }
  | { type: 'rename-journey'; name: string }
  /** Journey-level fields (name, attributes, events, exit criteria, goals, settings); steps, start and layout are left as they are. */
  | { type: 'update-journey'; journey: JourneyFields }
  | { type: 'replace-document'; document: JourneyDocument };

/** What the journey settings panel edits: the document without its steps, start, layout and schema version. */
export type JourneyFields = Omit<JourneyDocument, 'steps' | 'start' | 'layout' | 'schemaVersion'>;

/** The journey-level fields of a document. */
export function journeyFieldsOf(document: JourneyDocument): JourneyFields {
  const { steps: _steps, start: _start, layout: _layout, schemaVersion: _version, ...fields } = document;
  return fields;
}

export type JourneyChangeType = JourneyChange['type'];

const has = (record: object, key: string) => Object.prototype.hasOwnProperty.call(record, key);

/** Applies one change and returns a new document; the input is never mutated, and a change that does not fit returns the same document. */
export function applyChange(document: JourneyDocument, change: JourneyChange): JourneyDocument {
  switch (change.type) {
    case 'add-step': {
      if (has(document.steps, change.stepId)) return document;
      const wasEmpty = Object.keys(document.steps).length === 0;
      const next: JourneyDocument = {
        ...document,
        // The first step of an empty journey is where enrollments begin; anything else would leave the journey without a start.
        start: wasEmpty ? change.stepId : document.start,
        steps: { ...document.steps, [change.stepId]: change.step },
      };
      return change.position ? withPosition(next, change.stepId, change.position) : next;
    }
    case 'remove-step': {
      if (!has(document.steps, change.stepId)) return document;
      const steps: Record<string, Step> = {};
      for (const [id, step] of Object.entries(document.steps)) {
        if (id === change.stepId) continue;
        // Outputs that led to the removed step become unconnected rather than dangling.
        const pointsAtRemoved = Object.values(step.outputs).includes(change.stepId);
        steps[id] = pointsAtRemoved ? { ...step, outputs: withoutTarget(step.outputs, change.stepId) } : step;
      }
      const next: JourneyDocument = { ...document, steps };
      if (document.layout && has(document.layout.steps, change.stepId)) {
        const { [change.stepId]: _removed, ...rest } = document.layout.steps;
        next.layout = { ...document.layout, steps: rest };
      }
      return next;
    }
    case 'connect': {
      const step = document.steps[change.source];
      if (!step || !has(document.steps, change.target)) return document;
      if (step.outputs[change.output] === change.target) return document;
      return replaceStep(document, change.source, {
        ...step,
        outputs: { ...step.outputs, [change.output]: change.target },
      });
    }
    case 'disconnect': {
      const step = document.steps[change.source];
      if (!step || !has(step.outputs, change.output)) return document;
      const { [change.output]: _gone, ...outputs } = step.outputs;
      return replaceStep(document, change.source, { ...step, outputs });
    }
    case 'update-step': {
      if (!has(document.steps, change.stepId)) return document;
      // An output the step no longer offers (a deleted reply class, await switched off) would be a dangling transition; drop it.
      const offered = new Set(outputsOf(change.step));
      const outputs = Object.fromEntries(Object.entries(change.step.outputs).filter(([output]) => offered.has(output)));
      return replaceStep(document, change.stepId, { ...change.step, outputs });
    }
    case 'move-step': {
      if (!has(document.steps, change.stepId)) return document;
      const current = document.layout?.steps[change.stepId];
      if (current && current.x === change.position.x && current.y === change.position.y) return document;
      return withPosition(document, change.stepId, change.position);
    }
    case 'set-start':
      if (!has(document.steps, change.stepId) || document.start === change.stepId) return document;
      return { ...document, start: change.stepId };
    case 'rename-journey':
      return document.name === change.name ? document : { ...document, name: change.name };
    case 'update-journey': {
      // Spread the fields first: an optional field cleared in the form (description) must disappear, not survive from the old document.
      const next: JourneyDocument = {
        ...change.journey,
        schemaVersion: document.schemaVersion,
        start: document.start,
        steps: document.steps,
      };
      if (document.layout) next.layout = document.layout;
      return next;
    }
    case 'replace-document':
      return change.document;
  }
}

/** Applies changes in order. */
export function applyChanges(document: JourneyDocument, changes: readonly JourneyChange[]): JourneyDocument {
  return changes.reduce(applyChange, document);
}

function replaceStep(document: JourneyDocument, stepId: string, step: Step): JourneyDocument {
  return { ...document, steps: { ...document.steps, [stepId]: step } };
}

function withPosition(document: JourneyDocument, stepId: string, position: Position): JourneyDocument {
  const layout = document.layout ?? { steps: {} };
  return { ...document, layout: { ...layout, steps: { ...layout.steps, [stepId]: { x: position.x, y: position.y } } } };
}

function withoutTarget(outputs: Record<string, string>, target: string): Record<string, string> {
  return Object.fromEntries(Object.entries(outputs).filter(([, to]) => to !== target));
}
