/** The score bands of the questionnaire (0–4 minimal, 5–9 mild…): how a total reads, shown live in the preview. */
import { scoreBands, withScoreBands, type ScoreBand } from '../../schema/fhir/index.js';
import { editKey, structuralKey, type Draft, type DraftChange } from './model.js';

export function BandsEditor({ draft, testId, onChange }: { draft: Draft; testId: string; onChange: DraftChange }) {
  const bands = scoreBands(draft);
  const save = (next: ScoreBand[], field = structuralKey()) => onChange(withScoreBands(draft, next), field);
  const edit = (index: number, patch: Partial<ScoreBand>) =>
    save(
      bands.map((band, i) => (i === index ? { ...band, ...patch } : band)),
      editKey('band', index, Object.keys(patch)[0]),
    );
  const last = bands.at(-1);
  return (
    <fieldset className="qb-bands" data-testid={testId}>
      <legend>Score bands</legend>
      {bands.length === 0 && <p className="muted small">No bands: the total is shown as a number only.</p>}
      <ol>
        {bands.map((band, index) => (
          <li key={index} className="qb-band" data-testid={`${testId}-${index}`}>
            <input
              value={band.label}
              onChange={(e) => edit(index, { label: e.target.value, code: codeOf(e.target.value) || band.code })}
              aria-label={`Band ${index + 1} name`}
              data-testid={`${testId}-${index}-label`}
            />
            <input
              type="number"
              value={band.min}
              onChange={(e) => edit(index, { min: Number(e.target.value) })}
              aria-label={`Band ${index + 1} lowest total`}
              data-testid={`${testId}-${index}-min`}
            />
            <span aria-hidden="true">–</span>
            <input
              type="number"
              value={band.max}
              onChange={(e) => edit(index, { max: Number(e.target.value) })}
              aria-label={`Band ${index + 1} highest total`}
              data-testid={`${testId}-${index}-max`}
            />
            <button
              type="button"
              className="icon danger"
              onClick={() => save(bands.filter((_, i) => i !== index))}
              aria-label={`Remove band ${index + 1}`}
              data-testid={`${testId}-${index}-remove`}
            >
              ✕
            </button>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="secondary small"
        onClick={() => {
          const min = last ? last.max + 1 : 0;
          save([...bands, { code: `band-${bands.length + 1}`, label: `Band ${bands.length + 1}`, min, max: min + 4 }]);
        }}
        data-testid={`${testId}-add`}
      >
        Add band
      </button>
    </fieldset>
  );
}

/** A band's code follows its name, so it can name a split's output (`Moderately severe` → `moderately-severe`). */
function codeOf(label: string): string {
  return label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}
