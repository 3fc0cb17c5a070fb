/** A simple condition between questions: ask this one only when an earlier question's answer is (or is not) a value. */
import {
  conditionValue,
  optionLabel,
  walkItems,
  isQuestion,
  type EnableWhen,
  type QuestionnaireItem,
} from '../../schema/fhir/index.js';
import { itemLabels } from '../../schema/fhir/labels.js';
import { editKey, setCondition, structuralKey } from './model.js';
import type { ItemPartProps } from './item-part.js';

const operators = ['=', '!=', '>', '<', '>=', '<='] as const;

export function ConditionEditor({ draft, item, path, label, testId, onChange }: ItemPartProps) {
  const located = walkItems(draft as never);
  const position = located.findIndex((l) => l.item === item);
  const earlier = located
    .slice(0, Math.max(0, position))
    .filter((l) => isQuestion(l.item))
    .map((l) => l.item);
  const labels = itemLabels(draft as never);
  const condition = item.enableWhen?.[0];
  if (earlier.length === 0 && !condition) return null;
  const target = earlier.find((q) => q.linkId === condition?.question);
  const update = (next: Partial<EnableWhen> & { value?: string }) => {
    const question = next.question ?? condition?.question ?? earlier[0]?.linkId;
    const targetItem = earlier.find((q) => q.linkId === question);
    if (!question || !targetItem) return;
    const operator = next.operator ?? condition?.operator ?? '=';
    const raw = next.value ?? (next.question ? undefined : stringOf(condition));
    // Typing an answer value is one undo step; choosing a question or an operator is its own.
    const field = next.value !== undefined ? editKey(path.join('.'), 'condition') : structuralKey();
    onChange(setCondition(draft, path, { question, operator, ...answerFor(targetItem, raw) }), field);
  };
  return (
    <details className="qb-condition" open={condition !== undefined}>
      <summary>Ask only when…</summary>
      {condition === undefined ? (
        <button type="button" className="secondary small" onClick={() => update({})} data-testid={`${testId}-add`}>
          Add a condition
        </button>
      ) : (
        <div className="qb-item__row">
          <select
            value={condition.question}
            onChange={(e) => update({ question: e.target.value })}
            aria-label={`${label}: condition question`}
            data-testid={`${testId}-question`}
          >
            {earlier.map((q) => (
              <option key={q.linkId} value={q.linkId}>
                {labels.get(q.linkId)}
              </option>
            ))}
          </select>
          <select
            value={condition.operator}
            onChange={(e) => update({ operator: e.target.value as EnableWhen['operator'] })}
            aria-label={`${label}: condition operator`}
            data-testid={`${testId}-operator`}
          >
            {operators.map((op) => (
              <option key={op} value={op}>
                {op === '=' ? 'is' : op === '!=' ? 'is not' : op}
              </option>
            ))}
          </select>
          {target?.type === 'choice' || target?.type === 'boolean' ? (
            <select
              value={stringOf(condition) ?? ''}
              onChange={(e) => update({ value: e.target.value })}
              aria-label={`${label}: condition answer`}
              data-testid={`${testId}-answer`}
            >
              {choicesOf(target).map((choice) => (
                <option key={choice.value} value={choice.value}>
                  {choice.label}
                </option>
              ))}
            </select>
          ) : (
            <input
              value={stringOf(condition) ?? ''}
              onChange={(e) => update({ value: e.target.value })}
              aria-label={`${label}: condition answer`}
              data-testid={`${testId}-answer`}
            />
          )}
          <button
            type="button"
            className="icon danger"
            onClick={() => onChange(setCondition(draft, path, undefined), structuralKey())}
            aria-label={`Remove the condition of ${label}`}
            data-testid={`${testId}-remove`}
          >
            ✕
          </button>
        </div>
      )}
    </details>
  );
}

function stringOf(condition: EnableWhen | undefined): string | undefined {
  const value = condition ? conditionValue(condition) : undefined;
  return value === undefined ? undefined : String(value);
}

function choicesOf(item: QuestionnaireItem): Array<{ value: string; label: string }> {
  if (item.type === 'boolean')
    return [
      { value: 'true', label: 'Yes' },
      { value: 'false', label: 'No' },
    ];
  return (item.answerOption ?? []).map((option) => ({
    value: String(option.valueCoding?.code ?? option.valueInteger ?? option.valueString),
    label: optionLabel(option),
  }));
}

/** The condition's answer in the form the target question is answered in (a coding for a coded choice…). */
function answerFor(item: QuestionnaireItem, raw: string | undefined): Partial<EnableWhen> {
  if (item.type === 'boolean') return { answerBoolean: raw !== 'false' };
  if (item.type === 'integer') return { answerInteger: Number.parseInt(raw ?? '0', 10) || 0 };
  if (item.type === 'decimal') return { answerDecimal: Number(raw ?? '0') || 0 };
  if (item.type === 'choice') {
    const options = item.answerOption ?? [];
    const option =
      options.find((o) => String(o.valueCoding?.code ?? o.valueInteger ?? o.valueString) === raw) ?? options[0];
    if (option?.valueCoding) return { answerCoding: { code: option.valueCoding.code } };
    if (option?.valueInteger !== undefined) return { answerInteger: option.valueInteger };
    return { answerString: option?.valueString ?? raw ?? '' };
  }
  return { answerString: raw ?? '' };
}
