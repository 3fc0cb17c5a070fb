/**
 * Client-side validation: the same rules the server runs, on the journey's content only (a move never
 * revalidates), in a deferred render so a keystroke shows at once and the problems follow. The validator
 * remembers each step, so an edit re-checks the step it touched, not all two thousand.
 */
import { useDeferredValue, useMemo, useRef, useState } from 'react';
import { createJourneyValidator, type JourneyDocument, type Problem } from '../../schema/index.js';
import { hasErrors, problemsByStep } from '../model/problems-by-step.js';
import { sameContent } from '../model/content.js';
import { nameQuestions } from '../problems/question-labels.js';

export interface Validation {
  problems: Problem[];
  byStep: Map<string, Problem[]>;
  hasErrors: boolean;
  /** Structure problems mean the server would refuse the draft outright. */
  structurallyValid: boolean;
}

/** The last document whose content differed: the same object for as long as only the layout changes. */
function useContent(document: JourneyDocument): JourneyDocument {
  const content = useRef(document);
  if (!sameContent(content.current, document)) content.current = document;
  return content.current;
}

export function useValidation(document: JourneyDocument): Validation {
  const content = useDeferredValue(useContent(document));
  const [validate] = useState(createJourneyValidator);
  return useMemo(() => {
    const result = validate(content);
    const problems = nameQuestions(content, result.problems);
    return {
      problems,
      byStep: problemsByStep(problems),
      hasErrors: hasErrors(problems),
      structurallyValid: !problems.some((p) => p.code.startsWith('structure.')),
    };
  }, [content, validate]);
}
