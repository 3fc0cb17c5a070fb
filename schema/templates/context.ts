/** What a message template sees: `patient` (declared attributes, then firstName and name) and `journey`; the send activity and the reviewer's preview both build it here. */

export interface TemplatePatient {
  name: string;
  attributes: Record<string, unknown>;
}

export interface TemplateJourney {
  id: string;
  name: string;
}

export function templateContext(
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
