/** Renders a message step's Liquid template with the patient's record: strict variables and filters, so a typo fails loudly instead of sending a blank. */
import { Liquid } from 'liquidjs';

export interface TemplatePatient {
  name: string;
  attributes: Record<string, unknown>;
}

export interface TemplateJourney {
  id: string;
  name: string;
}

const liquid = new Liquid({ strictVariables: true, strictFilters: true, ownPropertyOnly: true });

/** The variables a template sees: `patient` (firstName, name and the patient's attributes) and `journey`. */
export function templateVariables(patient: TemplatePatient, journey: TemplateJourney): Record<string, unknown> {
  const name = patient.name.trim();
  const firstName = name.split(/\s+/)[0] ?? '';
  // The record's own name wins over an attribute that happens to share it.
  return { patient: { ...patient.attributes, firstName, name }, journey: { id: journey.id, name: journey.name } };
}

export async function renderTemplate(template: string, variables: Record<string, unknown>): Promise<string> {
  return liquid.parseAndRender(template, variables);
}
