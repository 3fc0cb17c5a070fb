/** The assessment's embedded FHIR Questionnaire: edited as JSON, with a "Load example" menu, a one-line summary, and its problems below. */
import { Questionnaire } from '../../schema/fhir/index.js';
import type { Problem } from '../../schema/index.js';
import { exampleQuestionnaires } from '../model/example-questionnaires.js';
import { describeQuestionnaire, summarizeQuestionnaire } from '../model/questionnaire-summary.js';
import type { WidgetProps } from '../forms/form-context.js';
import { JsonField } from '../forms/TextInputs.js';

export function QuestionnaireField({
  value,
  pointer,
  testId,
  onChange,
  problems,
}: WidgetProps & { problems: readonly Problem[] }) {
  const parsed = Questionnaire.safeParse(value);
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
      <JsonField value={value} onChange={onChange} testId={`${testId}-json`} rows={12} />
      {here.length > 0 && (
        <ul className="field-problems" data-testid={`${testId}-problems`}>
          {here.map((p, i) => (
            <li key={i} className={`problem problem--${p.severity}`}>
              {p.pointer.slice(pointer.length) || '/'}: {p.message}
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
