/** Form specs of each step type, generated once from the journey language's zod schemas (the single source of what a step holds). */
import { z } from 'zod';
import {
  AssessmentStep,
  EndStep,
  ExitStep,
  GoalStep,
  JourneyDocument,
  MessageStep,
  SplitStep,
  TaskStep,
  UpdateStep,
  WaitForEventStep,
  WaitStep,
  type StepType,
} from '../../schema/index.js';
import { toObjectSpec, type JsonSchema, type ObjectSpec } from './form-spec.js';
import { withHints } from './field-hints.js';

const stepSchemas: Record<StepType, z.ZodType> = {
  message: MessageStep,
  wait: WaitStep,
  'wait-for-event': WaitForEventStep,
  assessment: AssessmentStep,
  split: SplitStep,
  task: TaskStep,
  update: UpdateStep,
  goal: GoalStep,
  exit: ExitStep,
  end: EndStep,
};

export function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  // `input`: defaults make a property optional to write, which is what a person filling in a form sees.
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

/** Fields the inspector shows itself: the type is fixed, the name sits on top, outputs are drawn on the canvas. */
const stepChrome = ['type', 'name', 'outputs'];

const sharedFields = ['note', 'maxVisits'];

const cache = new Map<string, ObjectSpec>();

export function stepFormSpec(type: StepType, omit: readonly string[] = []): ObjectSpec {
  const key = `${type}|${omit.join(',')}`;
  let spec = cache.get(key);
  if (!spec) {
    const all = toObjectSpec(jsonSchemaOf(stepSchemas[type]), [...stepChrome, ...omit]);
    // The fields every step shares come first in the schema; in the form the type's own fields matter more.
    const shared = all.properties.filter((p) => sharedFields.includes(p.name));
    spec = withHints({
      ...all,
      properties: [...all.properties.filter((p) => !sharedFields.includes(p.name)), ...shared],
    });
    cache.set(key, spec);
  }
  return spec;
}

/** Journey-level fields; steps, their start and the canvas layout are edited on the canvas. */
export function journeyFormSpec(): ObjectSpec {
  let spec = cache.get('journey');
  if (!spec) {
    spec = withHints(toObjectSpec(jsonSchemaOf(JourneyDocument), ['schemaVersion', 'steps', 'start', 'layout']));
    cache.set('journey', spec);
  }
  return spec;
}
