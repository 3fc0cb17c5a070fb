/** Importing a FHIR R4 Questionnaire as others publish it (LOINC, SDC): answer lists, scores and totals in the one form Carepath keeps. */
import { CALCULATED_EXPRESSION_URL, ordinalUrls, type Questionnaire } from './items.js';
import {
  containedAnswerLists,
  ordinalExtension,
  scoreIn,
  VALUESET_ORDINAL_URL,
  type ImportedOption,
} from './import-valueset.js';
import { itemLabel, labelAtPointer } from './labels.js';
import { parseQuestionnaire } from './parse.js';

/** Something the import changed or could not keep, naming the item it concerns. */
export interface ImportNote {
  severity: 'warning' | 'error';
  linkId?: string;
  message: string;
}

export type ImportResult =
  | { ok: true; questionnaire: Questionnaire; notes: ImportNote[] }
  | { ok: false; questionnaire?: Questionnaire; notes: ImportNote[] };

type Raw = Record<string, unknown>;

/** Item types with no SMS or web-form question in Carepath; such items are left out with a note. */
const unaskable = new Set(['date', 'dateTime', 'time', 'url', 'attachment', 'reference']);
const enableWhenAnswerKeys = ['answerBoolean', 'answerDecimal', 'answerInteger', 'answerString', 'answerCoding'];
const scoreUrls = new Set([...ordinalUrls, VALUESET_ORDINAL_URL]);
/** The SDC expression Carepath writes for a total: the sum of the answers' weights. */
export const TOTAL_SCORE_EXPRESSION = '%resource.repeat(item).answer.value.weight().sum()';

/** Reads pasted or uploaded text: JSON first, then the questionnaire. */
export function importQuestionnaireText(text: string): ImportResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, notes: [{ severity: 'error', message: `This is not JSON: ${(error as Error).message}` }] };
  }
  return importQuestionnaire(value);
}

/** Converts a published Questionnaire; every change or loss is a note, and the result is checked as any questionnaire is. */
export function importQuestionnaire(input: unknown): ImportResult {
  const source = input as Raw | null;
  if (source === null || typeof source !== 'object' || source.resourceType !== 'Questionnaire')
    return { ok: false, notes: [{ severity: 'error', message: 'This is not a FHIR Questionnaire (resourceType).' }] };
  const notes: ImportNote[] = [];
  const answerLists = containedAnswerLists(source.contained);
  const state = { totals: 0 };
  const note = (item: Raw, severity: ImportNote['severity'], message: string) =>
    notes.push({
      severity,
      ...(typeof item.linkId === 'string' ? { linkId: item.linkId } : {}),
      message: `${nameOf(item)} ${message}`,
    });

  const convertItems = (items: unknown): Raw[] =>
    (Array.isArray(items) ? (items as Raw[]) : []).flatMap((item) => convertItem(item));

  const convertItem = (raw: Raw): Raw[] => {
    if (raw === null || typeof raw !== 'object') return [];
    const item: Raw = { ...raw };
    if (isCalculated(item)) {
      state.totals += 1;
      if (state.totals > 1) {
        note(item, 'warning', 'is a second calculated score; Carepath keeps one total, so it was left out.');
        return [];
      }
      // The total is filled in by Carepath, never asked: an integer, read-only, keeping its expression.
      return [{ ...item, type: 'integer', readOnly: true }];
    }
    const type = item.type;
    if (typeof type === 'string' && unaskable.has(type)) {
      note(item, 'warning', `asks for a ${type}, which Carepath cannot ask by SMS or web form; it was left out.`);
      return [];
    }
    if (type === 'open-choice') {
      item.type = 'choice';
      note(item, 'warning', 'allowed a free-text answer besides its options; only the options are kept.');
    } else if (type === 'quantity') {
      item.type = 'decimal';
      note(item, 'warning', 'asked for a quantity; it is kept as a number without its unit.');
    }
    if (item.type === 'choice') convertOptions(item);
    convertConditions(item);
    const children = convertItems(item.item);
    delete item.item;
    if (item.type === 'group') return [{ ...item, item: children }];
    if (children.length > 0 && item.type !== 'display')
      note(item, 'warning', 'had items nested under it; they now follow it.');
    return [item, ...children];
  };

  const convertOptions = (item: Raw) => {
    const valueSet = item.answerValueSet;
    delete item.answerValueSet;
    if (typeof valueSet === 'string' && !Array.isArray(item.answerOption)) {
      const list = answerLists.get(valueSet);
      if (list) item.answerOption = list.map((option) => structuredClone(option));
      else
        note(
          item,
          'error',
          valueSet.startsWith('#')
            ? `takes its answers from the value set ${valueSet}, which is not in the file; add its answers as options.`
            : `takes its answers from the value set ${valueSet}, which Carepath cannot look up; add its answers as options.`,
        );
    }
    const options = Array.isArray(item.answerOption) ? (item.answerOption as Raw[]) : [];
    item.answerOption = options.flatMap((option) => {
      const kept = convertOption(option);
      if (!kept)
        note(
          item,
          'warning',
          `has an answer Carepath cannot offer (${Object.keys(option).join(', ')}); it was left out.`,
        );
      return kept ? [kept] : [];
    });
  };

  const convertConditions = (item: Raw) => {
    if (hasExtension(item, 'enableWhenExpression'))
      note(
        item,
        'warning',
        'has a condition written as an expression, which Carepath does not evaluate; it is asked every time.',
      );
    if (!Array.isArray(item.enableWhen)) return;
    const kept = (item.enableWhen as Raw[]).filter((condition) => {
      const keys = Object.keys(condition).filter((key) => key.startsWith('answer'));
      const supported = keys.length === 1 && enableWhenAnswerKeys.includes(keys[0]);
      if (!supported)
        note(
          item,
          'warning',
          `has a condition comparing ${keys.join(', ') || 'nothing'}, which Carepath does not support; it was dropped.`,
        );
      return supported;
    });
    if (kept.length > 0) item.enableWhen = kept;
    else {
      delete item.enableWhen;
      delete item.enableBehavior;
    }
  };

  const imported: Raw = {
    ...source,
    id: fhirId(source),
    title: nonEmpty(source.title) ?? nonEmpty(source.name) ?? 'Imported questionnaire',
    status: ['draft', 'active', 'retired', 'unknown'].includes(source.status as string) ? source.status : 'draft',
    item: convertItems(source.item),
  };
  // The contained answer lists now live on their questions.
  delete imported.contained;
  const parsed = parseQuestionnaire(imported);
  for (const problem of parsed.problems) {
    const label = labelAtPointer(imported, problem.pointer);
    notes.push({
      severity: problem.severity,
      message: label && !problem.message.includes(label) ? `${label}: ${problem.message}` : problem.message,
    });
  }
  if (!parsed.questionnaire) return { ok: false, notes };
  const ok = parsed.ok && !notes.some((n) => n.severity === 'error');
  return ok ? { ok, questionnaire: parsed.questionnaire, notes } : { ok, questionnaire: parsed.questionnaire, notes };
}

/** One answer option with its score in R4's ordinalValue on the option, wherever the source put it; undefined when unusable. */
function convertOption(option: Raw): ImportedOption | Raw | undefined {
  if (option === null || typeof option !== 'object') return undefined;
  const valueKeys = Object.keys(option).filter((key) => key.startsWith('value'));
  if (valueKeys.length !== 1 || !['valueCoding', 'valueInteger', 'valueString'].includes(valueKeys[0]))
    return undefined;
  const score = scoreIn(option.extension) ?? scoreIn((option.valueCoding as Raw | undefined)?.extension);
  const converted: Raw = { ...option };
  if (converted.valueCoding) {
    const coding = { ...(converted.valueCoding as Raw) };
    const rest = withoutScores(coding.extension);
    if (rest) coding.extension = rest;
    else delete coding.extension;
    converted.valueCoding = coding;
  }
  const extension = [
    ...(withoutScores(option.extension) ?? []),
    ...(score !== undefined ? [ordinalExtension(score)] : []),
  ];
  if (extension.length > 0) converted.extension = extension;
  else delete converted.extension;
  return converted;
}

function withoutScores(extensions: unknown): Raw[] | undefined {
  if (!Array.isArray(extensions)) return undefined;
  const rest = (extensions as Raw[]).filter((ext) => !scoreUrls.has(ext?.url as string));
  return rest.length > 0 ? rest : undefined;
}

function isCalculated(item: Raw): boolean {
  return (
    Array.isArray(item.extension) && (item.extension as Raw[]).some((ext) => ext?.url === CALCULATED_EXPRESSION_URL)
  );
}

function hasExtension(item: Raw, suffix: string): boolean {
  return Array.isArray(item.extension) && (item.extension as Raw[]).some((ext) => String(ext?.url).endsWith(suffix));
}

function nameOf(item: Raw): string {
  const linkId = typeof item.linkId === 'string' ? item.linkId : '?';
  const text = typeof item.text === 'string' ? item.text : undefined;
  const type = typeof item.type === 'string' ? item.type : 'choice';
  // Numbering needs the finished questionnaire; while importing, the question's text identifies it just as well.
  const kind = type === 'group' || type === 'display' ? type : 'choice';
  return itemLabel({ linkId, text, type: kind }).replace(/^Item\b/, 'Question');
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** A FHIR id: the source's when valid, else one made from its name or title. */
function fhirId(source: Raw): string {
  if (typeof source.id === 'string' && /^[A-Za-z0-9.-]{1,64}$/.test(source.id)) return source.id;
  const base = String(source.name ?? source.title ?? 'imported')
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);
  return base || 'imported';
}
