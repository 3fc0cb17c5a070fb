/** The variables a template sees for a sample patient, shaped as the send activity shapes them (runtime/temporal/templates.ts). */
import type { SamplePatient } from './sample-patients.js';

export interface JourneyRef {
  id: string;
  name: string;
}

/** The address an assessment's link message would carry; a sample, since a real link is minted per patient at send time. */
export const SAMPLE_FORM_LINK = 'https://carepath.example/forms/sample-link';

/**
 * `patient` (declared attributes, then `firstName` and `name`, which win over attributes of the same name) and `journey`.
 * Kept in step with the send activity's `templateVariables` by hand: the designer may not import runtime services.
 */
export function messageContext(
  patient: Pick<SamplePatient, 'name' | 'attributes'>,
  journey: JourneyRef,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const name = patient.name.trim();
  const firstName = name.split(/\s+/)[0] ?? '';
  return {
    patient: { ...patient.attributes, firstName, name },
    journey: { id: journey.id, name: journey.name },
    ...extra,
  };
}
