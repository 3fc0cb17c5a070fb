import { describe, expect, it } from 'vitest';
import { Questionnaire } from '../../schema/fhir/index.js';
import { readFormAnswers } from './answers.js';
import { formPage } from './render.js';

const checkIn = Questionnaire.parse({
  resourceType: 'Questionnaire',
  id: 'check-in',
  title: 'Check-in',
  status: 'draft',
  item: [
    { linkId: 'injected', text: 'Did you inject this week?', type: 'boolean' },
    {
      linkId: 'why',
      text: 'What stopped you?',
      type: 'text',
      enableWhen: [{ question: 'injected', operator: '=', answerBoolean: false }],
    },
    { linkId: 'kg', text: 'Your weight in kg', type: 'decimal' },
  ],
});

describe('the assessment web form', () => {
  it('reads words and decimals, and ignores a question whose condition does not hold', () => {
    expect(readFormAnswers(checkIn, { q0: 'false', q1: ' Travelling ', q2: '72,5' })).toEqual({
      ok: true,
      answers: { injected: false, why: 'Travelling', kg: 72.5 },
    });
    expect(readFormAnswers(checkIn, { q0: 'true', q1: '', q2: '80' })).toEqual({
      ok: true,
      answers: { injected: true, kg: 80 },
    });
    expect(readFormAnswers(checkIn, { q0: 'false', q1: '', q2: '80' })).toEqual({
      ok: false,
      errors: { 1: 'Please answer this question.' },
    });
  });

  it('says when to answer a conditional question instead of requiring it', async () => {
    const page = String(await formPage(checkIn));
    expect(page).toContain('Answer only if you answered No to question 1.');
    expect(page).toContain('<textarea name="q1" rows="4" maxlength="2000" ></textarea>');
    expect(page).toMatch(/name="q2"\s+step="any"/);
  });
});
