/** Client-side validation on every change: the same pure `validateJourney` the server runs. */
import { useMemo } from 'react';
import { validateJourney, type JourneyDocument, type Problem } from '../../schema/index.js';
import { hasErrors, problemsByStep } from '../model/problems-by-step.js';

export interface Validation {
  problems: Problem[];
  byStep: Map<string, Problem[]>;
  hasErrors: boolean;
  /** Structure problems mean the server would refuse the draft outright. */
  structurallyValid: boolean;
}

export function useValidation(document: JourneyDocument): Validation {
  return useMemo(() => {
    const result = validateJourney(document);
    return {
      problems: result.problems,
      byStep: problemsByStep(result.problems),
      hasErrors: hasErrors(result.problems),
      structurallyValid: !result.problems.some((p) => p.code.startsWith('structure.')),
    };
  }, [document]);
}
