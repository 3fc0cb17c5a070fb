/** Fresh step ids and default names for steps dropped from the palette: readable (`message-2`), unique, and valid step ids. */
import { kindOfType, type JourneyDocument, type Step, type StepType } from '../../schema/index.js';

/** The lowest-numbered `<type>-<n>` id not yet used in the document. */
export function freshStepId(document: JourneyDocument, type: StepType): string {
  for (let n = 1; ; n++) {
    const id = `${type}-${n}`;
    if (!Object.prototype.hasOwnProperty.call(document.steps, id)) return id;
  }
}

/** A new step of a type, as the palette drops it, named after its id so the canvas shows something meaningful at once. */
export function createStep(type: StepType, stepId: string): Step {
  const step = kindOfType(type).create();
  const number = stepId.slice(type.length + 1);
  return { ...step, name: `${kindOfType(type).label} ${number}` };
}
