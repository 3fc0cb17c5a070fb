import { describe, expect, it } from 'vitest';
import { nameQuestions } from './question-labels.js';
import type { Problem } from '../../schema/index.js';

const document = {
  steps: {
    ask: {
      type: 'assessment',
      questionnaire: {
        resourceType: 'Questionnaire',
        item: [
          { linkId: 'intro', type: 'display', text: 'About your week' },
          { linkId: 'q1', type: 'boolean', text: 'Did you sleep well?' },
          {
            linkId: 'q2',
            type: 'choice',
            text: 'Feeling down',
            answerOption: [{ valueCoding: { code: 'a', display: '' } }],
          },
        ],
      },
    },
  },
};

const problem = (pointer: string, message: string): Problem => ({
  code: 'x',
  pointer,
  stepId: 'ask',
  severity: 'error',
  message,
});

describe('nameQuestions', () => {
  it('words a pointer into a questionnaire as the question it falls in', () => {
    const pointer = '/steps/ask/questionnaire/item/2/answerOption/0/valueCoding/display';
    const [named] = nameQuestions(document, [problem(pointer, `"${pointer}": must not be empty.`)]);
    expect(named.message).toBe('Question 2 "Feeling down", answer 1, display: must not be empty.');
    const [text] = nameQuestions(document, [problem('/steps/ask/questionnaire/item/0/text', 'Too long.')]);
    expect(text.message).toBe('Text "About your week", text: Too long.');
  });

  it('leaves other problems, and messages that already name the question, as they are', () => {
    const problems = [
      problem('/steps/ask/timeout', 'Bad timeout.'),
      problem('/steps/ask/questionnaire/item/1', 'Question 1 "Did you sleep well?" has no text to show the patient.'),
    ];
    expect(nameQuestions(document, problems)).toBe(problems);
  });
});
