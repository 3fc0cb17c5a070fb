/** Design-time checking of a message template: syntax, filters, and that every variable it reads is declared. */
import { templateReferences, type TemplateProblem, type TemplateReference } from './variables.js';

/** Patient fields every journey can use in messages, whatever it declares: the contact's display names. */
export const BUILT_IN_PATIENT_FIELDS = ['firstName', 'name'];

export interface TemplateAllowed {
  /** Declared attribute names (the built-ins are added automatically). */
  patient: string[];
  /** Journey-level values a template may read (e.g. `name`); omitted: `journey` is not available. */
  journey?: string[];
}

/** Every problem in the template, each with its character position. An empty list means the template is fine. */
export function checkTemplate(source: string, allowed: TemplateAllowed): TemplateProblem[] {
  const result = templateReferences(source);
  if (!result.ok) return result.problems;
  const problems: TemplateProblem[] = [];
  const patient = [...new Set([...BUILT_IN_PATIENT_FIELDS, ...allowed.patient])];
  for (const reference of result.references) {
    const message = referenceProblem(reference, patient, allowed.journey);
    if (message) problems.push({ position: reference.position, message });
  }
  return problems;
}

function referenceProblem(
  ref: TemplateReference,
  patient: string[],
  journey: string[] | undefined,
): string | undefined {
  const [root, field] = ref.segments;
  const roots = journey ? '`patient.…` and `journey.…`' : '`patient.…`';
  if (root === 'patient') return fieldProblem('patient', field, patient, ref, 'is not a declared patient attribute');
  if (root === 'journey' && journey) return fieldProblem('journey', field, journey, ref, 'is not a journey value');
  return `\`${String(root)}\` is not available in message templates; use ${roots}.`;
}

function fieldProblem(
  root: string,
  field: unknown,
  allowed: string[],
  ref: TemplateReference,
  notFound: string,
): string | undefined {
  const declared = allowed.length === 0 ? 'none' : allowed.join(', ');
  if (field === undefined)
    return `\`${root}\` on its own cannot be printed; name a field, e.g. \`${root}.${allowed[0] ?? 'name'}\`. Available: ${declared}.`;
  if (typeof field !== 'string')
    return `\`${ref.path}\` picks the field by a computed name, which cannot be checked; name the field, e.g. \`${root}.${allowed[0] ?? 'name'}\`.`;
  if (!allowed.includes(field)) return `\`${root}.${field}\` ${notFound}; declared: ${declared}.`;
  return undefined;
}
