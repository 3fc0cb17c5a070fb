import { describe, expect, it } from 'vitest';
import { validateJourney } from '../validate.js';
import phq9 from '../../examples/journeys/phq-9-check-in.journey.json';

interface Node {
  type?: string;
  answerOption?: Array<{ extension?: unknown; valueCoding?: { extension?: unknown } }>;
  item?: Node[];
  questionnaire?: Node;
}

/** The PHQ-9 journey with every answer's score removed: only a reader of the score makes that a problem. */
function unscoredPhq9(): { steps: Record<string, Node> } {
  const doc = structuredClone(phq9) as unknown as { steps: Record<string, Node> };
  const strip = (items: Node[] = []) =>
    items.forEach((item) => {
      item.answerOption?.forEach((option) => {
        delete option.extension;
        delete option.valueCoding?.extension;
      });
      strip(item.item);
    });
  for (const step of Object.values(doc.steps)) if (step.type === 'assessment') strip(step.questionnaire?.item);
  return doc;
}

describe('assessment scores', () => {
  it('are required when a split reads the score', () => {
    const problems = validateJourney(unscoredPhq9()).problems;
    expect(problems.find((p) => p.code === 'questionnaire.nothing-to-score')?.message).toBe(
      'The journey branches on the score, but no question of this questionnaire carries a score.',
    );
  });

  it('are not required when nothing reads the score', () => {
    const doc = unscoredPhq9();
    for (const [id, step] of Object.entries(doc.steps))
      if (step.type === 'split') doc.steps[id] = { type: 'end', outputs: {} } as Node;
    expect(validateJourney(doc).problems.map((p) => p.code)).not.toContain('questionnaire.nothing-to-score');
  });
});
