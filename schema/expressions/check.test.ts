/** Design-time checks: types, unknown names and positions, against a typical journey's declarations. */
import { describe, expect, it } from 'vitest';
import { checkExpression, fitsAttributeType, type ExpressionDeclarations } from './index.js';

const decls: ExpressionDeclarations = {
  attributes: {
    therapy: { type: 'string' },
    age: { type: 'number' },
    optedOut: { type: 'boolean' },
    surgeryDate: { type: 'date' },
  },
  event: { status: { type: 'string' }, quantity: { type: 'number' } },
};

function problem(source: string, d: ExpressionDeclarations = decls, expected: 'bool' | 'any' = 'bool') {
  const result = checkExpression(source, d, expected);
  if (result.ok) throw new Error(`expected a problem for ${source}`);
  return result.problems[0];
}

describe('checkExpression', () => {
  it('accepts typical journey conditions', () => {
    for (const source of [
      'patient.therapy == "adalimumab" && assessment.score >= 10',
      'event.status == "picked_up"',
      'patient.age > 40',
      'patient.age == 40',
      'patient.age + 1 > 41.5',
      '!patient.optedOut',
      'has(patient.therapy) && patient.therapy.startsWith("ada")',
      'assessment.answers["q1"] == "yes" || assessment.class == "high"',
      'patient.surgeryDate + duration("72h") < now',
      'daysBetween(patient.surgeryDate, now) >= 14',
      'assessment.answers.exists(k, k == "pain")',
    ]) {
      expect(checkExpression(source, decls, 'bool'), source).toEqual({ ok: true, type: 'boolean' });
    }
  });

  it('reports the type of a value expression in journey words', () => {
    expect(checkExpression('patient.age * 2', decls, 'any')).toEqual({ ok: true, type: 'number' });
    expect(checkExpression('patient.surgeryDate', decls, 'any')).toEqual({ ok: true, type: 'date' });
    expect(checkExpression('daysBetween(patient.surgeryDate, now)', decls, 'any')).toEqual({
      ok: true,
      type: 'whole number',
    });
    expect(fitsAttributeType('whole number', 'number')).toBe(true);
    expect(fitsAttributeType('string', 'number')).toBe(false);
  });

  it('names an undeclared attribute and lists the declared ones, at its position', () => {
    const p = problem('patient.agee > 40');
    expect(p.position).toBe(8);
    expect(p.message).toBe(
      '`patient.agee` is not a declared patient attribute; declared: therapy, age, optedOut, surgeryDate.',
    );
  });

  it('reports unknown names, with what is available', () => {
    const p = problem('x == 1 || patient.age > 3');
    expect(p.position).toBe(0);
    expect(p.message).toContain('Unknown name `x`');
    expect(p.message).toContain('patient, event, assessment, now');
    expect(problem('event.status == "x"', { attributes: {} }).message).toContain('Unknown name `event`');
    expect(problem('event.stauts == "x"').message).toContain(
      '`event.stauts` is not a field of this event; fields: status, quantity',
    );
    expect(problem('assessment.total > 1').message).toContain('score, answers and class');
  });

  it('rejects operands of the wrong type', () => {
    const p = problem('patient.therapy == "x" && patient.age + "x" == "y"');
    expect(p.position).toBe(26);
    expect(p.message).toBe('These types cannot be combined this way: number + string.');
    expect(problem('patient.optedOut > 1').message).toContain('boolean > whole number');
  });

  it('rejects a condition that is not a boolean', () => {
    expect(problem('patient.age + 1').message).toContain('must be true or false, but this expression gives a number');
    expect(problem('assessment.answers["q1"]').message).toContain('gives a dyn');
    expect(checkExpression('patient.age + 1', decls, 'any').ok).toBe(true);
  });

  it('reports syntax errors at the character', () => {
    expect(problem('patient.age > ')).toEqual({
      position: 14,
      message: 'The expression could not be read: Unexpected token: EOF.',
    });
    expect(problem('patient.therapy == "ada').position).toBe(19);
    expect(problem('   ').message).toBe('The expression is empty.');
  });

  it('forbids regular expressions and deeply nested loops', () => {
    expect(problem('patient.therapy.matches("(a+)+$")').message).toContain('Regular expressions');
    const nested = '[1, 2].exists(a, [1, 2].exists(b, [1, 2].exists(c, a + b + c == 6)))';
    const p = problem(nested);
    expect(p.message).toContain('nested at most 2 deep');
    expect(p.position).toBe(nested.indexOf('[1, 2].exists(c'));
    // Chained loops run one after the other, so they are fine.
    expect(checkExpression('[1, 2].map(a, a * 2).filter(b, b > 2).exists(c, c == 4)', decls, 'bool').ok).toBe(true);
  });
});
