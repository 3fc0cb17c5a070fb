/** Exporting a questionnaire as FHIR R4 JSON that other tools read: scores as ordinalValue, conditions with their behaviour, the total as SDC calculates it. */
import { CALCULATED_EXPRESSION_URL, isScoreItem, type Questionnaire, type QuestionnaireItem } from './items.js';
import { TOTAL_SCORE_EXPRESSION } from './import.js';

/** The questionnaire as a standalone R4 resource (a copy; the journey's own is untouched). */
export function exportQuestionnaire(questionnaire: Questionnaire): Questionnaire {
  const copy = structuredClone(questionnaire);
  const visit = (items: QuestionnaireItem[] | undefined) =>
    items?.forEach((item) => {
      // R4 requires enableBehavior once there are several conditions; Carepath reads a missing one as "all".
      if ((item.enableWhen?.length ?? 0) > 1 && item.enableBehavior === undefined) item.enableBehavior = 'all';
      // A read-only total without an expression gets SDC's, so a form filler computes what Carepath computes.
      if (isScoreItem(item) && !item.extension?.some((ext) => ext.url === CALCULATED_EXPRESSION_URL))
        item.extension = [...(item.extension ?? []), totalScoreExtension()];
      visit(item.item);
    });
  visit(copy.item);
  return copy;
}

/** SDC's calculatedExpression for the sum of the answers' weights. */
export function totalScoreExtension(): { url: string; valueExpression: { language: string; expression: string } } {
  return {
    url: CALCULATED_EXPRESSION_URL,
    valueExpression: { language: 'text/fhirpath', expression: TOTAL_SCORE_EXPRESSION },
  };
}

/** The file name a download gets: the questionnaire's id. */
export function exportFileName(questionnaire: Pick<Questionnaire, 'id'>): string {
  return `${questionnaire.id || 'questionnaire'}.questionnaire.json`;
}
