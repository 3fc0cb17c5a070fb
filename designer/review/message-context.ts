/** The variables a template sees for a sample patient: the schema's template context, as the send activity builds it. */
import { templateContext } from '../../schema/templates/index.js';
import type { SamplePatient } from './sample-patients.js';

export interface JourneyRef {
  id: string;
  name: string;
}

/** The address an assessment's link message would carry; a sample, since a real link is minted per patient at send time. */
export const SAMPLE_FORM_LINK = 'https://carepath.example/forms/sample-link';

/** `patient` and `journey` for a sample patient, built exactly as the send activity builds them. */
export function messageContext(
  patient: Pick<SamplePatient, 'name' | 'attributes'>,
  journey: JourneyRef,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return templateContext(patient, journey, extra);
}
