/** The answers of a choice question, each with its label and its score (blank: the answer does not count). */
import { ordinalOf } from '../../schema/fhir/index.js';
import { addOption, editKey, removeOption, structuralKey, updateOption } from './model.js';
import type { ItemPartProps } from './item-part.js';

export function AnswerOptions({ draft, item, path, label, testId, onChange }: ItemPartProps) {
  const options = item.answerOption ?? [];
  return (
    <fieldset className="qb-options">
      <legend>Answers and scores</legend>
      {options.length === 0 && <p className="muted small">No answers yet.</p>}
      <ol>
        {options.map((option, index) => {
          const score = ordinalOf(option);
          const name = `${label}, answer ${index + 1}`;
          return (
            <li key={index} className="qb-option" data-testid={`${testId}-${index}`}>
              <input
                className="qb-option__label"
                value={option.valueCoding?.display ?? option.valueString ?? String(option.valueInteger ?? '')}
                onChange={(e) =>
                  onChange(
                    updateOption(draft, path, index, { label: e.target.value }),
                    editKey(path.join('.'), index, 'label'),
                  )
                }
                aria-label={`${name} label`}
                data-testid={`${testId}-${index}-label`}
              />
              <input
                className="qb-option__score"
                type="number"
                step="any"
                value={score ?? ''}
                placeholder="no score"
                onChange={(e) =>
                  onChange(
                    updateOption(draft, path, index, {
                      score:
                        e.target.value === '' || !Number.isFinite(Number(e.target.value))
                          ? null
                          : Number(e.target.value),
                    }),
                    editKey(path.join('.'), index, 'score'),
                  )
                }
                aria-label={`${name} score`}
                data-testid={`${testId}-${index}-score`}
              />
              <button
                type="button"
                className="icon danger"
                onClick={() => onChange(removeOption(draft, path, index), structuralKey())}
                aria-label={`Remove ${name}`}
                data-testid={`${testId}-${index}-remove`}
              >
                ✕
              </button>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className="secondary small"
        onClick={() => onChange(addOption(draft, path), structuralKey())}
        data-testid={`${testId}-add`}
      >
        Add answer
      </button>
    </fieldset>
  );
}
