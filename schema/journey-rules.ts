/** Journey-level rules: declared events, exit criteria and goals (their CEL conditions), settings that must be real zones and durations, assessment scores the journey reads. */
import type { JourneyDocument } from './document.js';
import type { Problem } from './problems.js';
import { isPositiveDuration } from './duration.js';
import { declarationsFor, expressionProblems } from './steps/checks.js';
import { checkAssessmentScores } from './steps/assessment-scores.js';

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export function checkJourneyRules(document: JourneyDocument): Problem[] {
  const problems: Problem[] = [];
  const undeclared = (event: string, pointer: string) =>
    problems.push({
      code: 'event.undeclared',
      pointer,
      severity: 'error',
      message: `"${event}" is not a declared event of this journey; declare it under events.`,
    });

  document.exitCriteria.forEach((criterion, i) => {
    const at = `/exitCriteria/${i}`;
    if (!criterion.event && !criterion.when)
      problems.push({
        code: 'exit.empty',
        pointer: at,
        severity: 'error',
        message: `Exit criterion "${criterion.id}" names neither an event nor a condition.`,
      });
    if (criterion.event && !Object.hasOwn(document.events, criterion.event)) undeclared(criterion.event, `${at}/event`);
    if (criterion.when)
      problems.push(
        ...expressionProblems(
          criterion.when,
          { ...declarationsFor(document, criterion.event), assessment: false },
          'bool',
          `${at}/when`,
          `Exit criterion "${criterion.id}"`,
        ),
      );
  });
  document.goals.forEach((goal, i) => {
    const at = `/goals/${i}`;
    if (!Object.hasOwn(document.events, goal.event)) undeclared(goal.event, `${at}/event`);
    if (goal.when)
      problems.push(
        ...expressionProblems(
          goal.when,
          { ...declarationsFor(document, goal.event), assessment: false },
          'bool',
          `${at}/when`,
          `Goal "${goal.id}"`,
        ),
      );
  });
  const zone = document.settings.timeZone;
  const zoneName = zone.source === 'fixed' ? zone.zone : zone.fallback;
  if (!isTimeZone(zoneName)) {
    problems.push({
      code: 'settings.unknown-time-zone',
      pointer: `/settings/timeZone/${zone.source === 'fixed' ? 'zone' : 'fallback'}`,
      severity: 'error',
      message: `"${zoneName}" is not a time zone; use an IANA name such as America/Chicago.`,
    });
  }
  const cap = document.settings.frequencyCap;
  if (cap && !isPositiveDuration(cap.period)) {
    problems.push({
      code: 'settings.invalid-period',
      pointer: '/settings/frequencyCap/period',
      severity: 'error',
      message: `The frequency cap period "${cap.period}" is not a duration such as P7D.`,
    });
  }
  // Scores are needed only where the journey reads them; that spans steps, so it is a journey rule.
  problems.push(...checkAssessmentScores(document));
  return problems;
}
