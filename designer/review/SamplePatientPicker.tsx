/** Chooses the sample patient messages are rendered for; the name can be edited to try a long or accented one. */
import type { SamplePatient } from './sample-patients.js';

interface Props {
  samples: SamplePatient[];
  patient: SamplePatient;
  onChange: (patient: SamplePatient) => void;
}

export function SamplePatientPicker({ samples, patient, onChange }: Props) {
  return (
    <div className="sample-patient" data-testid="sample-patient">
      <label className="field field--compact">
        <span>Sample patient</span>
        <select
          value={patient.id}
          onChange={(e) => onChange(samples.find((s) => s.id === e.target.value) ?? samples[0])}
          data-testid="sample-patient-select"
        >
          {samples.map((sample) => (
            <option key={sample.id} value={sample.id}>
              {sample.label}
            </option>
          ))}
        </select>
      </label>
      <label className="field field--compact">
        <span>Name as the patient's record has it</span>
        <input
          value={patient.name}
          onChange={(e) => onChange({ ...patient, name: e.target.value })}
          data-testid="sample-patient-name"
        />
      </label>
      {Object.keys(patient.attributes).length > 0 && (
        <p className="muted small" data-testid="sample-patient-attributes">
          {Object.entries(patient.attributes)
            .map(([name, value]) => `${name}: ${String(value)}`)
            .join(' · ')}
        </p>
      )}
    </div>
  );
}
