/** Reading a FHIR Questionnaire that was validated before: walking its items, scores, bounds and labels. No zod, so the workflow bundle can carry it. */
import type {
  AnswerOption,
  Extension,
  Questionnaire,
  QuestionnaireItem,
  QuestionnaireItemType,
} from './questionnaire.js';

export type { AnswerOption, Coding, Extension, Questionnaire, QuestionnaireItem } from './questionnaire.js';

/** R4's standard extension for an answer's score (on the answerOption or on its valueCoding). */
export const ORDINAL_VALUE_URL = 'http://hl7.org/fhir/StructureDefinition/ordinalValue';
/** The R5 name of the same idea; questionnaires authored with newer tools carry it. */
export const ITEM_WEIGHT_URL = 'http://hl7.org/fhir/StructureDefinition/itemWeight';
/** Pre-R4 name of ordinalValue, still found in LOINC-derived forms. */
export const LEGACY_ORDINAL_URL = 'http://hl7.org/fhir/StructureDefinition/iso21090-CO-value';
export const ordinalUrls: ReadonlySet<string> = new Set([ORDINAL_VALUE_URL, ITEM_WEIGHT_URL, LEGACY_ORDINAL_URL]);

/** SDC's calculated value; an integer item carrying it is the questionnaire's total score. */
export const CALCULATED_EXPRESSION_URL =
  'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression';
export const MIN_VALUE_URL = 'http://hl7.org/fhir/StructureDefinition/minValue';
export const MAX_VALUE_URL = 'http://hl7.org/fhir/StructureDefinition/maxValue';

/** One item with where it sits: its JSON pointer and its enclosing items, outermost first. */
export interface LocatedItem {
  item: QuestionnaireItem;
  pointer: string;
  parents: QuestionnaireItem[];
}

/** Every item in document order (depth first), which is the order a patient is asked in. */
export function walkItems(questionnaire: Questionnaire): LocatedItem[] {
  const out: LocatedItem[] = [];
  const visit = (items: readonly QuestionnaireItem[] | undefined, base: string, parents: QuestionnaireItem[]) => {
    items?.forEach((item, index) => {
      const pointer = `${base}/item/${index}`;
      out.push({ item, pointer, parents });
      visit(item.item, pointer, [...parents, item]);
    });
  };
  visit(questionnaire.item, '', []);
  return out;
}

export function findItem(questionnaire: Questionnaire, linkId: string): LocatedItem | undefined {
  return walkItems(questionnaire).find((located) => located.item.linkId === linkId);
}

/** The total-score item: an integer item filled in by the system (read-only or SDC-calculated), never asked. */
export function isScoreItem(item: QuestionnaireItem): boolean {
  return item.type === 'integer' && (item.readOnly === true || hasExtension(item.extension, CALCULATED_EXPRESSION_URL));
}

const answerableTypes: ReadonlySet<QuestionnaireItemType> = new Set([
  'choice',
  'integer',
  'decimal',
  'boolean',
  'string',
  'text',
]);

/** An item the patient answers. */
export function isQuestion(item: QuestionnaireItem): boolean {
  return answerableTypes.has(item.type) && !isScoreItem(item);
}

/** The questions a patient answers, in the order they are asked. */
export function questionsOf(questionnaire: Questionnaire): LocatedItem[] {
  return walkItems(questionnaire).filter((located) => isQuestion(located.item));
}

/** An option's score: its ordinalValue or itemWeight, on the option or on its coding (both occur in the wild). */
export function ordinalOf(option: AnswerOption): number | undefined {
  return numberExtension(option.extension, ordinalUrls) ?? numberExtension(option.valueCoding?.extension, ordinalUrls);
}

/** The bounds an integer question accepts, from the standard minValue/maxValue extensions. */
export function integerBounds(item: QuestionnaireItem): { min?: number; max?: number } {
  return {
    min: numberExtension(item.extension, new Set([MIN_VALUE_URL])),
    max: numberExtension(item.extension, new Set([MAX_VALUE_URL])),
  };
}

/** What a patient sees for an option. */
export function optionLabel(option: AnswerOption): string {
  if (option.valueCoding) return option.valueCoding.display ?? option.valueCoding.code;
  if (option.valueString !== undefined) return option.valueString;
  return String(option.valueInteger);
}

function hasExtension(extensions: readonly Extension[] | undefined, url: string): boolean {
  return extensions?.some((ext) => ext.url === url) ?? false;
}

function numberExtension(extensions: readonly Extension[] | undefined, urls: ReadonlySet<string>): number | undefined {
  const ext = extensions?.find((candidate) => urls.has(candidate.url));
  return ext?.valueDecimal ?? ext?.valueInteger;
}
