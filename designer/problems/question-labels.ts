/** Problems inside a questionnaire name the question ("Question 3 "Feeling down"") instead of showing a JSON pointer. */
import { labelAtPointer } from '../../schema/fhir/labels.js';
import type { Problem } from '../../schema/index.js';

const inQuestionnaire = /^\/steps\/([^/]+)\/questionnaire(\/item\/.*)$/;

/** The problems with questionnaire locations worded for people; the same array when none needs it. */
export function nameQuestions(document: unknown, problems: Problem[]): Problem[] {
  let changed = false;
  const named = problems.map((problem) => {
    const match = inQuestionnaire.exec(problem.pointer);
    if (!match) return problem;
    const stepId = match[1].replace(/~1/g, '/').replace(/~0/g, '~');
    const questionnaire = (document as { steps?: Record<string, { questionnaire?: unknown }> }).steps?.[stepId]
      ?.questionnaire;
    const label = labelAtPointer(questionnaire, match[2]);
    if (!label || problem.message.includes(label)) return problem;
    changed = true;
    return { ...problem, message: reword(problem, label, match[2]) };
  });
  return changed ? named : problems;
}

/** `"/steps/s/questionnaire/item/2/answerOption/0/valueCoding/display": must not be empty` → `Question 3 "…", answer 1: must not be empty`. */
function reword(problem: Problem, label: string, inner: string): string {
  const where = [label, ...fieldWords(inner)].join(', ');
  const quoted = `"${problem.pointer}"`;
  if (problem.message.includes(quoted)) return problem.message.replace(quoted, where);
  return `${where}: ${problem.message}`;
}

/** What lies below the innermost item, in words: "answer 2", "condition 1", "text". */
function fieldWords(inner: string): string[] {
  const rest = inner
    .replace(/^(\/item\/\d+)+/, '')
    .split('/')
    .slice(1);
  const words: string[] = [];
  for (let i = 0; i < rest.length; i += 1) {
    const next = Number(rest[i + 1]);
    const listed = rest[i] === 'answerOption' ? 'answer' : rest[i] === 'enableWhen' ? 'condition' : undefined;
    if (listed && Number.isInteger(next)) {
      words.push(`${listed} ${next + 1}`);
      i += 1;
    } else if (rest[i] === 'linkId') words.push('id');
    else if (['text', 'type', 'display', 'code'].includes(rest[i])) words.push(rest[i]);
  }
  return words;
}
