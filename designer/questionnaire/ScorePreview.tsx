/** The live total: pick answers as a patient would and see the score and its band, as the journey will compute them. */
import { useState } from 'react';
import {
  bandOf,
  isAsked,
  optionLabel,
  ordinalOf,
  questionsOf,
  scoreBands,
  scoreOf,
  type AnswerValue,
  type Questionnaire,
  type QuestionnaireItem,
} from '../../schema/fhir/index.js';
import { itemLabels } from '../../schema/fhir/labels.js';
import type { Draft } from './model.js';

export function ScorePreview({ draft, testId }: { draft: Draft; testId: string }) {
  const [answers, setAnswers] = useState<Record<string, AnswerValue>>({});
  const questionnaire = draft as unknown as Questionnaire;
  const labels = itemLabels(questionnaire);
  const questions = questionsOf(questionnaire).filter((located) => isAsked(located, answers));
  const { score, missing } = scoreOf(questionnaire, answers);
  const band = bandOf(scoreBands(draft), score);
  const answer = (linkId: string, value: AnswerValue | undefined) =>
    setAnswers(({ [linkId]: _old, ...rest }) => (value === undefined ? rest : { ...rest, [linkId]: value }));
  return (
    <fieldset className="qb-preview" data-testid={testId}>
      <legend>Try it: total score</legend>
      <ol>
        {questions.map(({ item }) => (
          <li key={item.linkId}>
            <label className="field field--compact field--wide">
              <span>{labels.get(item.linkId)}</span>
              <AnswerInput
                item={item}
                value={answers[item.linkId]}
                onChange={(v) => answer(item.linkId, v)}
                testId={`${testId}-${item.linkId}`}
              />
            </label>
          </li>
        ))}
      </ol>
      <p className="qb-preview__total" aria-live="polite">
        Total <strong data-testid={`${testId}-total`}>{score}</strong>
        {band && (
          <>
            {' '}
            · <span data-testid={`${testId}-band`}>{band.label}</span>
          </>
        )}
        {missing.length > 0 && <span className="muted small"> ({missing.length} not answered)</span>}
      </p>
    </fieldset>
  );
}

function AnswerInput({
  item,
  value,
  onChange,
  testId,
}: {
  item: QuestionnaireItem;
  value: AnswerValue | undefined;
  onChange: (value: AnswerValue | undefined) => void;
  testId: string;
}) {
  if (item.type === 'choice' || item.type === 'boolean') {
    const choices =
      item.type === 'boolean'
        ? [
            { value: true as AnswerValue, label: 'Yes' },
            { value: false as AnswerValue, label: 'No' },
          ]
        : (item.answerOption ?? []).map((option) => {
            const score = ordinalOf(option);
            return {
              value: (option.valueCoding?.code ?? option.valueInteger ?? option.valueString) as AnswerValue,
              label: score === undefined ? optionLabel(option) : `${optionLabel(option)} (${score})`,
            };
          });
    const index = choices.findIndex((choice) => choice.value === value);
    return (
      <select
        value={index < 0 ? '' : String(index)}
        onChange={(e) => onChange(e.target.value === '' ? undefined : choices[Number(e.target.value)].value)}
        data-testid={testId}
      >
        <option value="">—</option>
        {choices.map((choice, i) => (
          <option key={i} value={i}>
            {choice.label}
          </option>
        ))}
      </select>
    );
  }
  const numeric = item.type === 'integer' || item.type === 'decimal';
  return (
    <input
      type={numeric ? 'number' : 'text'}
      step={item.type === 'integer' ? 1 : 'any'}
      value={value === undefined ? '' : String(value)}
      onChange={(e) => {
        const text = e.target.value;
        if (text === '') onChange(undefined);
        else onChange(numeric ? Number(text) : text);
      }}
      data-testid={testId}
    />
  );
}
