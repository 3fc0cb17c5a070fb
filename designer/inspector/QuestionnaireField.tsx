/** The assessment's embedded FHIR Questionnaire: built question by question (or edited as JSON), with a one-line summary and its problems by question. */
import { useState } from 'react';
import { Questionnaire } from '../../schema/fhir/index.js';
import { labelAtPointer } from '../../schema/fhir/labels.js';
import type { Problem } from '../../schema/index.js';
import { exampleQuestionnaires } from '../model/example-questionnaires.js';
import { describeQuestionnaire, summarizeQuestionnaire } from '../model/questionnaire-summary.js';
import type { WidgetProps } from '../forms/form-context.js';
import { JsonField } from '../forms/TextInputs.js';
import { asDraft } from '../questionnaire/model.js';
import { QuestionnaireBuilder } from '../questionnaire/QuestionnaireBuilder.js';

type Props = WidgetProps & { problems: readonly Problem[] };

/** Widgets are called as functions by the form, so the state (builder or JSON) lives in a component mounted here. */
export function QuestionnaireField(props: Props) {
  return <QuestionnaireEditor {...props} />;
}

function QuestionnaireEditor({ value, pointer, testId, onChange, problems }: Props) {
  const parsed = Questionnaire.safeParse(value);
  const draft = asDraft(value);
  const [view, setView] = useState<'builder' | 'json'>(draft ? 'builder' : 'json');
  const here = problems.filter((p) => p.pointer === pointer || p.pointer.startsWith(`${pointer}/`));
  return (
    <fieldset className="form-group questionnaire-field" data-testid={testId}>
      <legend>Questionnaire (FHIR R4)</legend>
      <div className="questionnaire-field__bar">
        <output data-testid={`${testId}-summary`} className={parsed.success ? '' : 'error-text'}>
          {parsed.success ? describeQuestionnaire(summarizeQuestionnaire(parsed.data)) : 'Not a questionnaire yet'}
        </output>
        <select
          value=""
          aria-label="Load example questionnaire"
          onChange={(e) => {
            const example = exampleQuestionnaires.find((q) => q.id === e.target.value);
            if (example) onChange(structuredClone(example.questionnaire));
          }}
          data-testid={`${testId}-load-example`}
        >
          <option value="">Load example…</option>
          {exampleQuestionnaires.map((q) => (
            <option key={q.id} value={q.id}>
              {q.title}
            </option>
          ))}
        </select>
      </div>
      <div className="questionnaire-field__bar" role="group" aria-label="Edit the questionnaire as">
        <button
          type="button"
          className={view === 'builder' ? 'primary small' : 'secondary small'}
          aria-pressed={view === 'builder'}
          disabled={!draft}
          title={draft ? undefined : 'The JSON is not a Questionnaire yet'}
          onClick={() => setView('builder')}
          data-testid={`${testId}-view-builder`}
        >
          Builder
        </button>
        <button
          type="button"
          className={view === 'json' ? 'primary small' : 'secondary small'}
          aria-pressed={view === 'json'}
          onClick={() => setView('json')}
          data-testid={`${testId}-view-json`}
        >
          FHIR JSON
        </button>
      </div>
      {view === 'builder' && draft ? (
        <QuestionnaireBuilder draft={draft} testId={`${testId}-builder`} onChange={onChange} />
      ) : (
        <JsonField value={value} onChange={onChange} testId={`${testId}-json`} rows={12} />
      )}
      {here.length > 0 && (
        <ul className="field-problems" data-testid={`${testId}-problems`}>
          {here.map((p, i) => (
            <li key={i} className={`problem problem--${p.severity}`}>
              {located(value, p.pointer.slice(pointer.length), p.message)}
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}

/** The message, led by the question it concerns when the message does not already name it. */
function located(questionnaire: unknown, inner: string, message: string): string {
  const label = labelAtPointer(questionnaire, inner);
  if (label && message.includes(label)) return message;
  return label ? `${label}: ${message}` : message;
}
