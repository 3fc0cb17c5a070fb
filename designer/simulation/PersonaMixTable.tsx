/** The personas of a simulated cohort, one row each: share, how often and how fast they answer, and which answer they lean to. */
import { isDuration } from '../../schema/index.js';
import type { Leaning, PersonaMix } from './persona-mix.js';

interface Props {
  mixes: PersonaMix[];
  onChange: (mixes: PersonaMix[]) => void;
}

const leanings: Record<Leaning, string> = {
  first: 'first reply class / option',
  last: 'last reply class / option',
  any: 'any, evenly',
};

export function PersonaMixTable({ mixes, onChange }: Props) {
  const total = mixes.reduce((sum, m) => sum + m.weight, 0);
  const update = (i: number, patch: Partial<PersonaMix>) =>
    onChange(mixes.map((mix, j) => (j === i ? { ...mix, ...patch } : mix)));
  return (
    <fieldset className="simulate-personas" data-testid="simulate-personas">
      <legend>Personas</legend>
      {mixes.map((mix, i) => (
        <div className="simulate-persona" key={i} data-testid={`simulate-persona-${i}`}>
          <input
            aria-label="Persona name"
            value={mix.id}
            onChange={(e) => update(i, { id: e.target.value })}
            data-testid="persona-name"
          />
          <label>
            <span>Share</span>
            <input
              type="number"
              min={0}
              value={mix.weight}
              onChange={(e) => update(i, { weight: Math.max(0, Number(e.target.value)) })}
              data-testid="persona-weight"
            />
            <span className="muted small">{total > 0 ? Math.round((100 * mix.weight) / total) : 0}%</span>
          </label>
          <label>
            <span>Answers</span>
            <input
              type="number"
              min={0}
              max={100}
              value={Math.round(mix.replyRate * 100)}
              onChange={(e) => update(i, { replyRate: Math.min(100, Math.max(0, Number(e.target.value))) / 100 })}
              data-testid="persona-reply-rate"
            />
            <span className="muted small">% of the time</span>
          </label>
          <label>
            <span>after</span>
            <input
              value={mix.replyAfter}
              aria-invalid={!isDuration(mix.replyAfter)}
              onChange={(e) => update(i, { replyAfter: e.target.value })}
              title="An ISO 8601 duration such as PT2H or P1D"
              data-testid="persona-reply-after"
            />
          </label>
          <label>
            <span>choosing</span>
            <select
              value={mix.leaning}
              onChange={(e) => update(i, { leaning: e.target.value as Leaning })}
              data-testid="persona-leaning"
            >
              {Object.entries(leanings).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="link small"
            onClick={() => onChange(mixes.filter((_, j) => j !== i))}
            disabled={mixes.length === 1}
            aria-label={`Remove persona ${mix.id}`}
          >
            Remove
          </button>
        </div>
      ))}
      <button
        type="button"
        className="link small"
        onClick={() =>
          onChange([
            ...mixes,
            { id: `persona-${mixes.length + 1}`, weight: 10, replyRate: 0.5, replyAfter: 'PT4H', leaning: 'any' },
          ])
        }
        data-testid="persona-add"
      >
        Add a persona
      </button>
    </fieldset>
  );
}

/** Why these personas cannot be simulated, or undefined when they can. */
export function mixProblem(mixes: PersonaMix[]): string | undefined {
  if (mixes.length === 0) return 'Add at least one persona.';
  const bad = mixes.find((m) => !isDuration(m.replyAfter));
  if (bad) return `Persona "${bad.id}": "${bad.replyAfter}" is not a duration such as PT2H or P1D.`;
  const names = new Set<string>();
  for (const m of mixes) {
    if (m.id.trim() === '') return 'Every persona needs a name.';
    if (names.has(m.id)) return `Two personas are called "${m.id}".`;
    names.add(m.id);
  }
  if (!mixes.some((m) => m.weight > 0)) return 'At least one persona needs a share above 0.';
  return undefined;
}
