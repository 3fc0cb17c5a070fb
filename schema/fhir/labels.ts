/** How a program manager recognises an item: "Question 3 "Feeling down"" rather than a linkId or a JSON pointer. */
import { isQuestion, isScoreItem, walkItems, type Questionnaire, type QuestionnaireItem } from './items.js';

const maxTextLength = 40;

/** Labels of every item by linkId; questions are numbered in the order a patient is asked them. */
export function itemLabels(questionnaire: Questionnaire): Map<string, string> {
  const labels = new Map<string, string>();
  let number = 0;
  for (const { item } of walkItems(questionnaire)) {
    if (isQuestion(item)) number += 1;
    // A duplicate linkId keeps the first item's label (it is reported as a duplicate); numbering still counts it.
    if (labels.has(item.linkId)) continue;
    labels.set(item.linkId, itemLabel(item, isQuestion(item) ? number : undefined));
  }
  return labels;
}

/** One item's label; `number` is its position among the questions when it is one. */
export function itemLabel(item: Pick<QuestionnaireItem, 'linkId' | 'text' | 'type'> & object, number?: number): string {
  const kind =
    number !== undefined
      ? `Question ${number}`
      : item.type === 'group'
        ? 'Group'
        : item.type === 'display'
          ? 'Text'
          : isScoreItem(item as QuestionnaireItem)
            ? 'Total score'
            : 'Item';
  const text = item.text?.trim();
  return text ? `${kind} "${shorten(text)}"` : `${kind} (${item.linkId})`;
}

function shorten(text: string): string {
  const line = text.replace(/\s+/g, ' ');
  return line.length <= maxTextLength ? line : `${line.slice(0, maxTextLength - 1).trimEnd()}…`;
}
