/** Building the FHIR R4 QuestionnaireResponse for a patient's answers, with the total score, for export to an EHR or a sponsor. */
import { answerOf, matchAnswer, type Answers, type AnswerValue } from './answers.js';
import {
  isScoreItem,
  questionsOf,
  walkItems,
  type AnswerOption,
  type Coding,
  type Questionnaire,
  type QuestionnaireItem,
} from './items.js';
import { scoreOf } from './scoring.js';

/** Where the total goes when the questionnaire has no total-score item of its own. */
export const TOTAL_SCORE_EXTENSION_URL = 'https://carepath.local/fhir/StructureDefinition/total-score';

/** The R4 statuses Carepath produces (`amended` and `entered-in-error` belong to later corrections). */
export type QuestionnaireResponseStatus = 'in-progress' | 'completed' | 'stopped';

export type ResponseAnswer =
  | { valueCoding: Pick<Coding, 'system' | 'version' | 'code' | 'display'>; item?: ResponseItem[] }
  | { valueInteger: number; item?: ResponseItem[] }
  | { valueDecimal: number; item?: ResponseItem[] }
  | { valueString: string; item?: ResponseItem[] }
  | { valueBoolean: boolean; item?: ResponseItem[] };

export interface ResponseItem {
  linkId: string;
  text?: string;
  answer?: ResponseAnswer[];
  item?: ResponseItem[];
}

export interface QuestionnaireResponse {
  resourceType: 'QuestionnaireResponse';
  id?: string;
  /** Canonical of the questionnaire answered, `url|version` when versioned. */
  questionnaire: string;
  status: QuestionnaireResponseStatus;
  subject?: { reference: string };
  authored: string;
  extension?: Array<{ url: string; valueDecimal: number }>;
  item: ResponseItem[];
}

export interface BuildResponseInput {
  questionnaire: Questionnaire;
  answers: Answers;
  /** A reference such as `Patient/123`; never a name or phone number. */
  subjectRef?: string;
  /** ISO 8601 date-time with a zone, passed in because the caller owns the clock (workflow time, virtual time). */
  authored: string;
  status: QuestionnaireResponseStatus;
  id?: string;
}

const fhirDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

/** The QuestionnaireResponse for the answers; invalid answers are left out (scoreOf reports them), unanswered items too. */
export function buildQuestionnaireResponse(input: BuildResponseInput): QuestionnaireResponse {
  const { questionnaire, answers } = input;
  if (!fhirDateTime.test(input.authored))
    throw new TypeError(`authored must be an ISO 8601 date-time with a zone, got ${JSON.stringify(input.authored)}`);
  const { score, missing } = scoreOf(questionnaire, answers);
  const scoreLinkId = walkItems(questionnaire).find(({ item }) => isScoreItem(item))?.item.linkId;
  // A total over no valid answer would read as a real 0 to whoever receives the response.
  const answeredAny = questionsOf(questionnaire).length > missing.length;

  const itemsOf = (items: readonly QuestionnaireItem[] | undefined): ResponseItem[] =>
    (items ?? []).flatMap((item) => itemOf(item));
  const itemOf = (item: QuestionnaireItem): ResponseItem[] => {
    const base = { linkId: item.linkId, ...(item.text !== undefined ? { text: item.text } : {}) };
    const children = itemsOf(item.item);
    if (item.type === 'display') return [];
    if (item.type === 'group') return children.length > 0 ? [{ ...base, item: children }] : [];
    if (item.linkId === scoreLinkId) {
      if (!answeredAny) return [];
      return [{ ...base, answer: [Number.isInteger(score) ? { valueInteger: score } : { valueDecimal: score }] }];
    }
    const value = answerOf(answers, item.linkId);
    const matched = value === undefined || isScoreItem(item) ? undefined : matchAnswer(item, value);
    if (!matched?.ok) return children.length > 0 ? [{ ...base, item: children }] : [];
    // In R4, items nested under a question belong to its answer, not to the item itself.
    const nested = children.length > 0 ? { item: children } : {};
    return [{ ...base, answer: [{ ...answerValue(item, matched.option, matched.value), ...nested }] }];
  };

  return {
    resourceType: 'QuestionnaireResponse',
    ...(input.id !== undefined ? { id: input.id } : {}),
    questionnaire: canonicalOf(questionnaire),
    status: input.status,
    ...(input.subjectRef !== undefined ? { subject: { reference: input.subjectRef } } : {}),
    authored: input.authored,
    ...(scoreLinkId === undefined && answeredAny
      ? { extension: [{ url: TOTAL_SCORE_EXTENSION_URL, valueDecimal: score }] }
      : {}),
    item: itemsOf(questionnaire.item),
  };
}

/** How a response points at its questionnaire: the canonical URL (with `|version`), else a relative reference. */
export function canonicalOf(questionnaire: Questionnaire): string {
  if (questionnaire.url === undefined) return `Questionnaire/${questionnaire.id}`;
  return questionnaire.version !== undefined ? `${questionnaire.url}|${questionnaire.version}` : questionnaire.url;
}

function answerValue(item: QuestionnaireItem, option: AnswerOption | undefined, value: AnswerValue): ResponseAnswer {
  if (option?.valueCoding) {
    // Only the coding itself: the ordinal extension describes the questionnaire, not the patient's answer.
    const { system, version, code, display } = option.valueCoding;
    return {
      valueCoding: {
        ...(system !== undefined ? { system } : {}),
        ...(version !== undefined ? { version } : {}),
        code,
        ...(display !== undefined ? { display } : {}),
      },
    };
  }
  if (typeof value === 'boolean') return { valueBoolean: value };
  if (typeof value === 'number') return item.type === 'decimal' ? { valueDecimal: value } : { valueInteger: value };
  return { valueString: value };
}
