/** Scores are required only where the journey reads them: a split on the score, a condition or template naming it. */
import type { JourneyDocument } from '../document.js';
import type { Problem } from '../problems.js';
import { pointerToken } from '../problems.js';
import { scoreRequirementProblems } from '../fhir/scoring.js';

/** `assessment.score` as CEL and Liquid write it (a split's bands read it by default). */
const readsScore = /\bassessment\s*\.\s*score\b/;

/**
 * The score problems of every assessment, when anything in the journey reads the latest assessment's score.
 * A journey-level rule, not an assessment step check: it depends on the other steps, and step checks are cached per step.
 */
export function checkAssessmentScores(document: JourneyDocument): Problem[] {
  const assessments = Object.entries(document.steps).filter(([, step]) => step.type === 'assessment');
  if (assessments.length === 0 || !journeyReadsScore(document)) return [];
  return assessments.flatMap(([stepId, step]) =>
    step.type === 'assessment'
      ? scoreRequirementProblems(step.questionnaire, { at: `/steps/${pointerToken(stepId)}/questionnaire`, stepId })
      : [],
  );
}

/** True when a split, condition, update, exit criterion or message template names `assessment.score`. */
export function journeyReadsScore(document: JourneyDocument): boolean {
  const { steps, exitCriteria, goals } = document;
  return Object.values(steps).some(mentionsScore) || mentionsScore(exitCriteria) || mentionsScore(goals);
}

/** Any string inside the value names the score; questionnaires are skipped (their wording is for patients). */
function mentionsScore(value: unknown): boolean {
  if (typeof value === 'string') return readsScore.test(value);
  if (Array.isArray(value)) return value.some(mentionsScore);
  if (value === null || typeof value !== 'object') return false;
  return Object.entries(value).some(([key, child]) => key !== 'questionnaire' && mentionsScore(child));
}
