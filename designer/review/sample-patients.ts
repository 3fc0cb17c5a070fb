/** Sample patients a reviewer renders messages with: real-looking names (one that forces UCS-2 SMS) and a value for every declared attribute. */
import type { JourneyDocument } from '../../schema/index.js';

export interface SamplePatient {
  id: string;
  /** What the picker shows: who this sample is and why it is interesting. */
  label: string;
  name: string;
  attributes: Record<string, unknown>;
}

/** Values for attributes the example journeys declare, so their messages read as a patient would see them. */
const knownValues: Record<string, Record<string, unknown>> = {
  maria: { therapy: 'Humira pen', pharmacyName: 'Main Street Pharmacy', refillDueDate: '2026-03-14' },
  zoe: { therapy: 'Dupixent pre-filled syringe', pharmacyName: 'Ålesund Apotek', refillDueDate: '2026-04-02' },
  bartholomew: {
    therapy: 'Enbrel SureClick autoinjector',
    pharmacyName: 'Riverside Community Health Pharmacy & Wellness Centre',
    refillDueDate: '2026-12-31',
  },
};

const samples: Array<Omit<SamplePatient, 'attributes'>> = [
  { id: 'maria', label: 'Maria Garcia (short name)', name: 'Maria Garcia' },
  { id: 'zoe', label: 'Zoë Nakamura (ë is not in the GSM alphabet: SMS turns UCS-2)', name: 'Zoë Nakamura' },
  { id: 'bartholomew', label: 'Bartholomew Christodoulopoulos (long names)', name: 'Bartholomew Christodoulopoulos' },
];

/** A value of the declared type for an attribute no sample knows, named so the reviewer sees where it came from. */
function placeholder(name: string, type: string): unknown {
  if (type === 'number') return 3;
  if (type === 'boolean') return true;
  if (type === 'date') return '2026-06-01';
  return `sample ${name}`;
}

/** The sample patients for this journey: every attribute it declares has a value, so strict templates render. */
export function samplePatients(document: Pick<JourneyDocument, 'attributes'>): SamplePatient[] {
  return samples.map((sample) => {
    const attributes: Record<string, unknown> = {};
    for (const [name, declaration] of Object.entries(document.attributes ?? {})) {
      const known = knownValues[sample.id]?.[name];
      attributes[name] = known !== undefined ? known : placeholder(name, declaration.type);
    }
    return { ...sample, attributes };
  });
}
