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

type RawItem = { linkId?: unknown; text?: unknown; type?: unknown; item?: unknown };

/**
 * The label of the item a pointer inside a questionnaire falls in (`/item/0/item/3/answerOption/1` → Question 4 "…"),
 * read from the raw value so it works on a questionnaire that does not parse yet. Undefined outside any item.
 */
export function labelAtPointer(questionnaire: unknown, pointer: string): string | undefined {
  const path = pointer.split('/').slice(1);
  let items = rawItems(questionnaire);
  let found: RawItem | undefined;
  for (let i = 0; i + 1 < path.length && path[i] === 'item'; i += 2) {
    const next = items[Number(path[i + 1])];
    if (next === undefined) break;
    found = next;
    items = rawItems(next);
  }
  if (!found) return undefined;
  let number = 0;
  let numberOfFound: number | undefined;
  const visit = (list: RawItem[]) =>
    list.forEach((item) => {
      if (isRawQuestion(item)) number += 1;
      if (item === found && isRawQuestion(item)) numberOfFound = number;
      visit(rawItems(item));
    });
  visit(rawItems(questionnaire));
  const linkId = typeof found.linkId === 'string' ? found.linkId : '?';
  const text = typeof found.text === 'string' ? found.text : undefined;
  const type = typeof found.type === 'string' ? found.type : '';
  return itemLabel({ linkId, text, type } as QuestionnaireItem, numberOfFound);
}

function rawItems(value: unknown): RawItem[] {
  const items = (value as { item?: unknown } | null)?.item;
  return Array.isArray(items) ? items.filter((item): item is RawItem => item !== null && typeof item === 'object') : [];
}

function isRawQuestion(item: RawItem): boolean {
  if (typeof item.type !== 'string' || typeof item.linkId !== 'string') return false;
  return isQuestion(item as QuestionnaireItem);
}
