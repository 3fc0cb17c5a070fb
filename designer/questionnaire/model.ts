/** The questionnaire builder's edits as pure functions over the embedded FHIR Questionnaire: each returns a new questionnaire. */
import {
  ORDINAL_VALUE_URL,
  ordinalOf,
  type AnswerOption,
  type EnableWhen,
  type QuestionnaireItem,
  type QuestionnaireItemType,
} from '../../schema/fhir/index.js';

/** A questionnaire as the builder edits it: possibly incomplete (no items yet, an empty text), never another resource. */
export interface Draft {
  resourceType: 'Questionnaire';
  id?: string;
  title?: string;
  status?: string;
  item: QuestionnaireItem[];
  [key: string]: unknown;
}

/** Reports an edit: the new questionnaire, and which part changed (typing in one part is one undo step). */
export type DraftChange = (draft: Draft, field?: string) => void;

/** The undo key of typing into one part of one item, e.g. `questionnaire/q3/text`. */
export function editKey(...parts: Array<string | number>): string {
  return ['questionnaire', ...parts].join('/');
}

let structuralEdits = 0;
/** A key no other edit shares: adding, removing, moving or retyping is always an undo step of its own. */
export function structuralKey(): string {
  structuralEdits += 1;
  return editKey('edit', structuralEdits);
}

/** Where an item sits: its index in the top-level list, then in each group's list. */
export type ItemPath = readonly number[];

/** The value as a draft the builder can edit, or undefined when it is not a questionnaire at all. */
export function asDraft(value: unknown): Draft | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  if (record.resourceType !== 'Questionnaire') return undefined;
  if (record.item !== undefined && !itemsWellFormed(record.item)) return undefined;
  return { ...record, resourceType: 'Questionnaire', item: (record.item ?? []) as QuestionnaireItem[] };
}

/** What FHIR requires of every questionnaire, filled in on the first edit (a questionnaire pasted without an id). */
export function withRequiredFields(draft: Draft): Draft {
  if (typeof draft.id === 'string' && draft.id !== '' && typeof draft.status === 'string') return draft;
  const slug = String(draft.title ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);
  return {
    ...draft,
    id: typeof draft.id === 'string' && draft.id !== '' ? draft.id : slug || 'questionnaire',
    status: draft.status ?? 'draft',
  };
}

/** Lists where lists belong, all the way down: the builder and its preview walk them without further checks. */
function itemsWellFormed(items: unknown): boolean {
  const list = (value: unknown) => value === undefined || (Array.isArray(value) && value.every(isObject));
  return (
    Array.isArray(items) &&
    items.every(
      (item) =>
        isObject(item) &&
        list(item.answerOption) &&
        list(item.extension) &&
        list(item.enableWhen) &&
        (item.item === undefined || itemsWellFormed(item.item)) &&
        (item.answerOption as unknown[] | undefined)?.every((option) =>
          list((option as Record<string, unknown>).extension),
        ) !== false,
    )
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function itemAt(draft: Draft, path: ItemPath): QuestionnaireItem | undefined {
  let items: QuestionnaireItem[] | undefined = draft.item;
  let found: QuestionnaireItem | undefined;
  for (const index of path) {
    found = items?.[index];
    items = found?.item;
  }
  return found;
}

/** Replaces the list that holds the item at `path` (the top level or a group's items). */
function editSiblings(
  draft: Draft,
  path: ItemPath,
  edit: (siblings: QuestionnaireItem[], index: number) => QuestionnaireItem[],
): Draft {
  const [index, ...rest] = path;
  if (rest.length === 0) return { ...draft, item: edit(draft.item, index) };
  const group = draft.item[index];
  const inner = editSiblings({ ...draft, item: group.item ?? [] }, rest, edit);
  return { ...draft, item: draft.item.map((item, i) => (i === index ? { ...group, item: inner.item } : item)) };
}

export function updateItem(draft: Draft, path: ItemPath, patch: Partial<QuestionnaireItem>): Draft {
  return editSiblings(draft, path, (siblings, index) =>
    siblings.map((item, i) => (i === index ? withoutUndefined({ ...item, ...patch }) : item)),
  );
}

/** A new item after `after` (or at the end of the top level), with a linkId no other item has. */
export function addItem(draft: Draft, type: QuestionnaireItemType, after?: ItemPath): { draft: Draft; path: ItemPath } {
  const item: QuestionnaireItem = {
    linkId: freeLinkId(draft),
    type,
    text: type === 'display' ? 'Instructions' : 'New question',
    ...(type === 'group' ? { item: [] } : {}),
  };
  if (!after || after.length === 0)
    return { draft: { ...draft, item: [...draft.item, item] }, path: [draft.item.length] };
  const index = after[after.length - 1] + 1;
  const next = editSiblings(draft, after, (siblings) => [...siblings.slice(0, index), item, ...siblings.slice(index)]);
  return { draft: next, path: [...after.slice(0, -1), index] };
}

export function removeItem(draft: Draft, path: ItemPath): Draft {
  return editSiblings(draft, path, (siblings, index) => siblings.filter((_, i) => i !== index));
}

/** Moves an item up (-1) or down (+1) among its siblings; at either end nothing changes. */
export function moveItem(draft: Draft, path: ItemPath, delta: -1 | 1): { draft: Draft; path: ItemPath } {
  const index = path[path.length - 1];
  let moved = false;
  const next = editSiblings(draft, path, (siblings) => {
    const target = index + delta;
    if (target < 0 || target >= siblings.length) return siblings;
    moved = true;
    const copy = [...siblings];
    [copy[index], copy[target]] = [copy[target], copy[index]];
    return copy;
  });
  return moved ? { draft: next, path: [...path.slice(0, -1), index + delta] } : { draft, path };
}

/** A new type keeps what still makes sense: options only on a choice, children only on a group. */
export function changeType(draft: Draft, path: ItemPath, type: QuestionnaireItemType): Draft {
  const item = itemAt(draft, path);
  if (!item) return draft;
  return updateItem(draft, path, {
    type,
    answerOption: type === 'choice' ? (item.answerOption ?? [newOption([], 0)]) : undefined,
    item: type === 'group' ? (item.item ?? []) : undefined,
    required: type === 'display' || type === 'group' ? undefined : item.required,
  });
}

export function addOption(draft: Draft, path: ItemPath): Draft {
  const options = itemAt(draft, path)?.answerOption ?? [];
  return updateItem(draft, path, { answerOption: [...options, newOption(options, options.length)] });
}

export function removeOption(draft: Draft, path: ItemPath, index: number): Draft {
  const options = itemAt(draft, path)?.answerOption ?? [];
  return updateItem(draft, path, { answerOption: options.filter((_, i) => i !== index) });
}

export interface OptionPatch {
  label?: string;
  code?: string;
  /** A number sets the score; null removes it (the answer does not count). */
  score?: number | null;
}

export function updateOption(draft: Draft, path: ItemPath, index: number, patch: OptionPatch): Draft {
  const options = itemAt(draft, path)?.answerOption ?? [];
  return updateItem(draft, path, {
    answerOption: options.map((option, i) => (i === index ? patchOption(option, patch) : option)),
  });
}

/** Sets one simple condition (answer of an earlier question), or removes every condition with undefined. */
export function setCondition(draft: Draft, path: ItemPath, condition: EnableWhen | undefined): Draft {
  return updateItem(draft, path, { enableWhen: condition ? [condition] : undefined, enableBehavior: undefined });
}

function patchOption(option: AnswerOption, patch: OptionPatch): AnswerOption {
  let next: AnswerOption = { ...option };
  if (patch.label !== undefined || patch.code !== undefined) {
    if (next.valueCoding)
      next.valueCoding = withoutUndefined({
        ...next.valueCoding,
        ...(patch.label !== undefined ? { display: patch.label } : {}),
        ...(patch.code !== undefined ? { code: patch.code } : {}),
      });
    else if (patch.label !== undefined && next.valueString !== undefined) next.valueString = patch.label;
  }
  if (patch.score !== undefined) next = withScore(next, patch.score);
  return next;
}

/** The option with its score as R4's ordinalValue (any other score form it carried is replaced). */
function withScore(option: AnswerOption, score: number | null): AnswerOption {
  const isScore = (url: string) => url === ORDINAL_VALUE_URL || /itemWeight|iso21090-CO-value/.test(url);
  const extension = [
    ...(option.extension ?? []).filter((ext) => !isScore(ext.url)),
    ...(score === null ? [] : [{ url: ORDINAL_VALUE_URL, valueDecimal: score }]),
  ];
  const coding = option.valueCoding && {
    ...option.valueCoding,
    extension: option.valueCoding.extension?.filter((ext) => !isScore(ext.url)),
  };
  return withoutUndefined({
    ...option,
    ...(coding
      ? {
          valueCoding: withoutUndefined({
            ...coding,
            extension: coding.extension?.length ? coding.extension : undefined,
          }),
        }
      : {}),
    extension: extension.length > 0 ? extension : undefined,
  });
}

/** The next option: code and score follow the others (0, 1, 2… as most scales count). */
function newOption(options: readonly AnswerOption[], index: number): AnswerOption {
  const codes = new Set(options.map((option) => option.valueCoding?.code));
  let n = index + 1;
  while (codes.has(`a${n}`)) n += 1;
  const scores = options.map(ordinalOf).filter((s): s is number => s !== undefined);
  const score = scores.length === options.length ? (scores.length ? Math.max(...scores) + 1 : 0) : undefined;
  return {
    valueCoding: { code: `a${n}`, display: `Answer ${index + 1}` },
    ...(score !== undefined ? { extension: [{ url: ORDINAL_VALUE_URL, valueDecimal: score }] } : {}),
  };
}

function freeLinkId(draft: Draft): string {
  const used = new Set<string>();
  const visit = (items: readonly QuestionnaireItem[] | undefined) =>
    items?.forEach((item) => {
      used.add(item.linkId);
      visit(item.item);
    });
  visit(draft.item);
  let n = used.size + 1;
  while (used.has(`q${n}`)) n += 1;
  return `q${n}`;
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
