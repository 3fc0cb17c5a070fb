/** The variables a message template sees at send time: `patient` (firstName, name, attributes) and `journey`. Rendering is the schema's strict Liquid. */
export { renderTemplate } from '../../schema/templates/index.js';

export interface TemplatePatient {
  name: string;
  attributes: Record<string, unknown>;
}

export interface TemplateJourney {
  id: string;
  name: string;
}

export function templateVariables(
  patient: TemplatePatient,
  journey: TemplateJourney,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const name = patient.name.trim();
  const firstName = name.split(/\s+/)[0] ?? '';
  // The record's own name wins over an attribute that happens to share it.
  return {
    patient: { ...patient.attributes, firstName, name },
    journey: { id: journey.id, name: journey.name },
    ...extra,
  };
}
