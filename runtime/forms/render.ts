/** The assessment web form as HTML: every question of the FHIR Questionnaire, answerable on a phone, no script needed. */
import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import {
  questionsOf,
  optionLabel,
  integerBounds,
  findItem,
  type LocatedItem,
  type Questionnaire,
  type QuestionnaireItem,
} from '../../schema/fhir/questionnaire.js';
import { conditionValue } from '../../schema/fhir/enable-when.js';

const page = (title: string, body: HtmlEscapedString | Promise<HtmlEscapedString>) =>
  html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title}</title>
        <style>
          body {
            font:
              16px/1.5 system-ui,
              sans-serif;
            margin: 0 auto;
            max-width: 40rem;
            padding: 1rem;
            color: #1d2733;
          }
          fieldset {
            border: 1px solid #d5dbe3;
            border-radius: 8px;
            margin: 0 0 1rem;
            padding: 0.75rem 1rem;
          }
          legend {
            font-weight: 600;
            padding: 0 0.25rem;
          }
          label {
            display: block;
            padding: 0.35rem 0;
          }
          button {
            font: inherit;
            background: #1f5fbf;
            color: #fff;
            border: 0;
            border-radius: 6px;
            padding: 0.6rem 1.4rem;
          }
          .error {
            color: #b3261e;
          }
        </style>
      </head>
      <body>
        ${body}
      </body>
    </html>`;

function question(item: QuestionnaireItem, index: number, error?: string, condition?: string) {
  const name = `q${index}`;
  const prompt = item.text ?? item.linkId;
  const required = condition === undefined ? raw('required') : '';
  let control;
  if (item.type === 'choice') {
    control = (item.answerOption ?? []).map(
      (option, i) =>
        html`<label><input type="radio" name="${name}" value="${i}" ${required} /> ${optionLabel(option)}</label>`,
    );
  } else if (item.type === 'boolean') {
    control = html`<label><input type="radio" name="${name}" value="true" ${required} /> Yes</label
      ><label><input type="radio" name="${name}" value="false" /> No</label>`;
  } else if (item.type === 'text') {
    control = html`<textarea name="${name}" rows="4" maxlength="2000" ${required}></textarea>`;
  } else if (item.type === 'string') {
    control = html`<input type="text" name="${name}" maxlength="500" ${required} />`;
  } else {
    const { min, max } = integerBounds(item);
    control = html`<input
      type="number"
      name="${name}"
      step="${item.type === 'decimal' ? 'any' : '1'}"
      ${min !== undefined ? raw(`min="${min}"`) : ''}
      ${max !== undefined ? raw(`max="${max}"`) : ''}
      ${required}
    />`;
  }
  return html`<fieldset>
    <legend>${index + 1}. ${prompt}</legend>
    ${condition ? html`<p>${condition}</p>` : ''} ${control}${error ? html`<p class="error">${error}</p>` : ''}
  </fieldset>`;
}

export function formPage(questionnaire: Questionnaire, errors: Record<number, string> = {}) {
  const title = questionnaire.title ?? 'Questionnaire';
  // Without script the form cannot hide a conditional question, so it says when to answer it and does not require it.
  const items = questionsOf(questionnaire).map((located, index) =>
    question(located.item, index, errors[index], conditionNote(questionnaire, located)),
  );
  return page(
    title,
    html`<h1>${title}</h1>
      <form method="post">${items}<button type="submit">Send my answers</button></form>`,
  );
}

export function messagePage(title: string, message: string) {
  return page(
    title,
    html`<h1>${title}</h1>
      <p>${message}</p>`,
  );
}

/** "Answer only if you answered Yes to question 1." for a question with a condition (or inside a group with one). */
function conditionNote(questionnaire: Questionnaire, located: LocatedItem): string | undefined {
  const conditions = [...located.parents, located.item].flatMap((item) => item.enableWhen ?? []);
  if (conditions.length === 0) return undefined;
  const numbers = new Map(questionsOf(questionnaire).map((q, i) => [q.item.linkId, i + 1]));
  const parts = conditions.map((condition) => {
    const target = findItem(questionnaire, condition.question)?.item;
    const expected = conditionValue(condition);
    const option = target?.answerOption?.find(
      (o) => (o.valueCoding?.code ?? o.valueInteger ?? o.valueString) === expected,
    );
    const shown = option
      ? optionLabel(option)
      : expected === true
        ? 'Yes'
        : expected === false
          ? 'No'
          : String(expected);
    const verb =
      condition.operator === '!='
        ? 'did not answer'
        : condition.operator === '='
          ? 'answered'
          : `answered ${condition.operator}`;
    return condition.operator === 'exists'
      ? `answered question ${numbers.get(condition.question)}`
      : `${verb} ${shown} to question ${numbers.get(condition.question)}`;
  });
  return `Answer only if you ${parts.join(located.item.enableBehavior === 'any' ? ' or ' : ' and ')}.`;
}
