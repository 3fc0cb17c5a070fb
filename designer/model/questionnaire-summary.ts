/** What a program manager needs to know of an embedded questionnaire at a glance: title, number of questions, possible score range. */
import {
  integerBounds,
  isQuestion,
  ordinalOf,
  questionsOf,
  walkItems,
  type Questionnaire,
} from '../../schema/fhir/index.js';

export interface QuestionnaireSummary {
  title: string;
  questions: number;
  /** Lowest and highest possible total; undefined when some question has no bounded score (an open integer). */
  scoreRange?: { min: number; max: number };
}

export function summarizeQuestionnaire(questionnaire: Questionnaire): QuestionnaireSummary {
  const questions = questionsOf(questionnaire);
  let min = 0;
  let max = 0;
  let bounded = true;
  for (const { item } of walkItems(questionnaire)) {
    if (!isQuestion(item)) continue;
    if (item.type === 'choice') {
      const scores = (item.answerOption ?? []).map(ordinalOf).filter((s): s is number => s !== undefined);
      if (scores.length === 0) continue;
      min += Math.min(...scores);
      max += Math.max(...scores);
    } else if (item.type === 'integer') {
      const bounds = integerBounds(item);
      if (bounds.min === undefined || bounds.max === undefined) bounded = false;
      else {
        min += bounds.min;
        max += bounds.max;
      }
    }
  }
  return {
    title: questionnaire.title || questionnaire.name || 'Untitled questionnaire',
    questions: questions.length,
    ...(bounded ? { scoreRange: { min, max } } : {}),
  };
}

/** One line: "PHQ-9 · 10 questions · score 0–30". */
export function describeQuestionnaire(summary: QuestionnaireSummary): string {
  const range = summary.scoreRange ? ` · score ${summary.scoreRange.min}–${summary.scoreRange.max}` : '';
  return `${summary.title} · ${summary.questions} question${summary.questions === 1 ? '' : 's'}${range}`;
}
