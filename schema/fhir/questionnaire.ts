/** FHIR R4 Questionnaire: the subset an assessment relies on, validated with precise paths; every other FHIR field passes through. */
import { z } from 'zod';
import { ordinalUrls } from './items.js';

// The reading helpers live apart (no zod) so the enrollment workflow's bundle can carry them; re-exported for callers here.
export * from './items.js';

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
export const QuestionnaireItemType = z.enum([
  'group',
  'display',
  'choice',
  'integer',
  'decimal',
  'boolean',
  'string',
  'text',
]);
export type QuestionnaireItemType = z.infer<typeof QuestionnaireItemType>;

/** R4's comparison operators for enableWhen. */
export const EnableWhenOperator = z.enum(['exists', '=', '!=', '>', '<', '>=', '<=']);
export type EnableWhenOperator = z.infer<typeof EnableWhenOperator>;

const enableWhenAnswerKeys = [
  'answerBoolean',
  'answerDecimal',
  'answerInteger',
  'answerString',
  'answerCoding',
] as const;

/** A condition on an earlier answer that decides whether an item is asked at all. */
export const EnableWhen = z
  .looseObject({
    question: z.string().min(1).max(255),
    operator: EnableWhenOperator,
    answerBoolean: z.boolean().optional(),
    answerDecimal: z.number().finite().optional(),
    answerInteger: z.number().int().optional(),
    answerString: z.string().max(1000).optional(),
    answerCoding: Coding.optional(),
  })
  .superRefine((condition, ctx) => {
    const present = enableWhenAnswerKeys.filter((key) => condition[key] !== undefined);
    if (present.length !== 1) {
      const other = Object.keys(condition).filter(
        (key) => key.startsWith('answer') && !(enableWhenAnswerKeys as readonly string[]).includes(key),
      );
      const note = other.length > 0 ? ` (${other.join(', ')} is not supported)` : '';
      ctx.addIssue({
        code: 'custom',
        path: [],
        message: `must compare with exactly one of ${enableWhenAnswerKeys.join(', ')}${note}`,
      });
    }
  });
export type EnableWhen = z.infer<typeof EnableWhen>;

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
  enableWhen: z.array(EnableWhen).max(10).optional(),
  /** How several enableWhen conditions combine; R4 requires it when there are several. */
  enableBehavior: z.enum(['all', 'any']).optional(),
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
