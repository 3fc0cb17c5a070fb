/** FHIR R4 Questionnaire: the subset an assessment relies on, validated with precise paths; every other FHIR field passes through. */
import { z } from 'zod';

/** R4's standard extension for an answer's score (on the answerOption or on its valueCoding). */
export const ORDINAL_VALUE_URL = 'http://hl7.org/fhir/StructureDefinition/ordinalValue';
/** The R5 name of the same idea; questionnaires authored with newer tools carry it. */
export const ITEM_WEIGHT_URL = 'http://hl7.org/fhir/StructureDefinition/itemWeight';
/** Pre-R4 name of ordinalValue, still found in LOINC-derived forms. */
export const LEGACY_ORDINAL_URL = 'http://hl7.org/fhir/StructureDefinition/iso21090-CO-value';
const ordinalUrls: ReadonlySet<string> = new Set([ORDINAL_VALUE_URL, ITEM_WEIGHT_URL, LEGACY_ORDINAL_URL]);

/** SDC's calculated value; an integer item carrying it is the questionnaire's total score. */
export const CALCULATED_EXPRESSION_URL =
  'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression';
export const MIN_VALUE_URL = 'http://hl7.org/fhir/StructureDefinition/minValue';
export const MAX_VALUE_URL = 'http://hl7.org/fhir/StructureDefinition/maxValue';

/** FHIR `string` values must not be empty or whitespace only. */
const FhirString = (max: number) => z.string().max(max).regex(/\S/, 'must not be empty');

export const Extension = z
  .looseObject({
    url: z.string().min(1).max(1000),
    valueDecimal: z.number().finite().optional(),
    valueInteger: z.number().int().optional(),
  })
  .superRefine((ext, ctx) => {
    // A score extension without a number would silently score 0; refuse it where it is.
    if (ordinalUrls.has(ext.url) && ext.valueDecimal === undefined && ext.valueInteger === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['valueDecimal'],
        message: `the score extension ${ext.url} needs a valueDecimal`,
      });
    }
  });
export type Extension = z.infer<typeof Extension>;

export const Coding = z.looseObject({
  system: z.string().min(1).max(1000).optional(),
  version: z.string().max(100).optional(),
  code: z
    .string()
    .min(1)
    .max(200)
    .regex(/^\S+( \S+)*$/, 'must not start or end with spaces'),
  display: FhirString(1000).optional(),
  extension: z.array(Extension).max(50).optional(),
});
export type Coding = z.infer<typeof Coding>;

const answerValueKeys = ['valueCoding', 'valueInteger', 'valueString'] as const;

export const AnswerOption = z
  .looseObject({
    valueCoding: Coding.optional(),
    valueInteger: z.number().int().optional(),
    valueString: FhirString(1000).optional(),
    initialSelected: z.boolean().optional(),
    extension: z.array(Extension).max(50).optional(),
  })
  .superRefine((option, ctx) => {
    const present = answerValueKeys.filter((key) => option[key] !== undefined);
    if (present.length !== 1) {
      const other = Object.keys(option).filter(
        (key) => key.startsWith('value') && !(answerValueKeys as readonly string[]).includes(key),
      );
      const note = other.length > 0 ? ` (${other.join(', ')} is not supported)` : '';
      ctx.addIssue({
        code: 'custom',
        path: [],
        message: `must have exactly one of valueCoding, valueInteger or valueString${note}`,
      });
    }
  });
export type AnswerOption = z.infer<typeof AnswerOption>;

/** The item types an assessment can deliver by SMS, web or voice; other R4 types are refused rather than skipped. */
export const QuestionnaireItemType = z.enum(['group', 'display', 'choice', 'integer', 'boolean']);
export type QuestionnaireItemType = z.infer<typeof QuestionnaireItemType>;

export const QuestionnaireItem = z.looseObject({
  linkId: z
    .string()
    .min(1)
    .max(255)
    .regex(/^\S+( \S+)*$/, 'must not start or end with spaces'),
  prefix: z.string().max(20).optional(),
  text: FhirString(4000).optional(),
  type: QuestionnaireItemType,
  code: z.array(Coding).max(20).optional(),
  required: z.boolean().optional(),
  repeats: z.boolean().optional(),
  readOnly: z.boolean().optional(),
  answerOption: z.array(AnswerOption).max(100).optional(),
  extension: z.array(Extension).max(50).optional(),
  get item(): z.ZodOptional<z.ZodArray<typeof QuestionnaireItem>> {
    return z.array(QuestionnaireItem).max(200).optional();
  },
});
export type QuestionnaireItem = z.infer<typeof QuestionnaireItem>;

export const QuestionnaireStatus = z.enum(['draft', 'active', 'retired', 'unknown']);

export const Questionnaire = z.looseObject({
  resourceType: z.literal('Questionnaire'),
  id: z.string().regex(/^[A-Za-z0-9.-]{1,64}$/, 'must be a FHIR id: letters, digits, - and . (at most 64)'),
  url: z.string().min(1).max(1000).regex(/^\S+$/, 'must be a canonical URL without spaces').optional(),
  version: z.string().min(1).max(100).optional(),
  name: z.string().min(1).max(255).optional(),
  title: FhirString(500),
  status: QuestionnaireStatus,
  code: z.array(Coding).max(20).optional(),
  item: z.array(QuestionnaireItem).min(1, 'must have at least one item').max(200),
});
export type Questionnaire = z.infer<typeof Questionnaire>;

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

/** An item the patient answers. */
export function isQuestion(item: QuestionnaireItem): boolean {
  return (item.type === 'choice' || item.type === 'integer' || item.type === 'boolean') && !isScoreItem(item);
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
