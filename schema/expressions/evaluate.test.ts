/** Runtime evaluation: typical journey conditions, value conversion, errors as values, and hostile input. */
import { describe, expect, it } from 'vitest';
import {
  checkExpression,
  evaluateExpression,
  expressionLimits,
  type ExpressionDeclarations,
  type ExpressionValues,
} from './index.js';

const decls: ExpressionDeclarations = {
  attributes: { therapy: { type: 'string' }, age: { type: 'number' }, surgeryDate: { type: 'date' } },
  event: { status: { type: 'string' } },
};
const values: ExpressionValues = {
  patient: { therapy: 'adalimumab', age: 52, surgeryDate: '2025-03-01', phone: '+4917612345678' },
  event: { status: 'picked_up' },
  assessment: { score: 12, answers: { q1: 'yes', q2: 4 }, class: 'high' },
  now: '2025-03-15T09:30:00Z',
};
const run = (source: string, v: ExpressionValues = values, expected: 'bool' | 'any' = 'any') =>
  evaluateExpression(source, v, decls, expected);

describe('evaluateExpression', () => {
  it('evaluates typical journey conditions', () => {
    expect(run('patient.therapy == "adalimumab" && assessment.score >= 10', values, 'bool')).toEqual({
      ok: true,
      value: true,
    });
    expect(run('event.status == "picked_up"', values, 'bool')).toEqual({ ok: true, value: true });
    expect(run('patient.age == 52 && patient.age > 40 && assessment.answers["q2"] > 3')).toEqual({
      ok: true,
      value: true,
    });
    expect(run('assessment.answers["q1"] == "yes"')).toEqual({ ok: true, value: true });
    expect(run('daysBetween(patient.surgeryDate, now)')).toEqual({ ok: true, value: 14 });
    expect(run('patient.surgeryDate + duration("336h") <= now')).toEqual({ ok: true, value: true });
  });

  it('returns JSON-ready values for updates', () => {
    expect(run('patient.age + 1')).toEqual({ ok: true, value: 53 });
    expect(run('1 + 2')).toEqual({ ok: true, value: 3 });
    expect(run('patient.surgeryDate + duration("24h")')).toEqual({ ok: true, value: '2025-03-02T00:00:00.000Z' });
    expect(run('[patient.therapy, "x"]')).toEqual({ ok: true, value: ['adalimumab', 'x'] });
  });

  it('is deterministic: the same inputs give the same result', () => {
    const first = run('daysBetween(patient.surgeryDate, now) > 10 && now.getHours() == 9');
    for (let i = 0; i < 5; i++)
      expect(run('daysBetween(patient.surgeryDate, now) > 10 && now.getHours() == 9')).toEqual(first);
    expect(first).toEqual({ ok: true, value: true });
  });

  it('treats missing attributes as absent: has() is false, reading them is an error value', () => {
    const v = { ...values, patient: { age: 52, therapy: null } };
    expect(run('has(patient.therapy)', v)).toEqual({ ok: true, value: false });
    const read = run('patient.therapy == "x"', v);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.error).toContain('No such key: therapy');
  });

  it('returns errors instead of throwing', () => {
    expect(run('patient.agee > 1')).toMatchObject({ ok: false, position: 8 });
    expect(run('1 / 0')).toMatchObject({ ok: false, error: 'The expression failed: division by zero' });
    expect(run('now > patient.surgeryDate', { patient: values.patient })).toMatchObject({ ok: false });
    expect(run('patient.age > 3', { patient: { age: 'old' } })).toMatchObject({ ok: false });
    expect(run('patient.therapy', values, 'bool')).toMatchObject({
      ok: false,
      error: 'The condition gave the text "adalimumab" instead of true or false.',
    });
    expect(run('duration("1h")')).toMatchObject({ ok: false });
    expect(evaluateExpression(42 as unknown as string, values, decls)).toMatchObject({ ok: false });
  });

  it('refuses zone-less timestamps, which would depend on the machine', () => {
    expect(run('patient.surgeryDate < now', { ...values, patient: { surgeryDate: '2025-03-01T10:00' } })).toMatchObject(
      { ok: false },
    );
  });
});

// Hostile input is stopped by size limits checked before anything runs; each test asserts the limit that stopped it.
// How fast that happens is measured in test/bench (hostile-input.bench.ts), not asserted here.
describe('hostile input', () => {
  it('rejects a 100k-character expression by its length, before parsing it', () => {
    const source = 'patient.age > 1 && '.repeat(6000) + 'true';
    const tooLong = 'The expression is longer than 2,000 characters.';
    expect(checkExpression(source, decls, 'bool')).toEqual({
      ok: false,
      problems: [{ position: expressionLimits.maxSourceLength, message: tooLong }],
    });
    expect(run(source)).toEqual({ ok: false, error: tooLong, position: expressionLimits.maxSourceLength });
  });

  it('rejects deep nesting of every kind by the limit it breaks', () => {
    const cases: [string, RegExp][] = [
      ['('.repeat(1000) + '1' + ')'.repeat(1000), /longer than 2,000 characters/],
      ['('.repeat(900) + '1' + ')'.repeat(900), /Exceeded maxDepth \(32\)/],
      ['!'.repeat(1500) + 'true', /Exceeded maxAstNodes \(400\)/],
      ['-'.repeat(1500) + '1', /Exceeded maxAstNodes \(400\)/],
      ['['.repeat(500) + ']'.repeat(500), /Exceeded maxDepth \(32\)/],
      ['f('.repeat(600), /Exceeded maxDepth \(32\)/],
    ];
    for (const [source, limit] of cases) {
      const checked = checkExpression(source, decls, 'any');
      expect(checked.ok, source.slice(0, 10)).toBe(false);
      if (!checked.ok) expect(checked.problems[0].message, source.slice(0, 10)).toMatch(limit);
      expect(run(source), source.slice(0, 10)).toMatchObject({ ok: false, error: expect.stringMatching(limit) });
    }
  });

  it('rejects too many nodes and huge literals', () => {
    expect(checkExpression('1' + ' + 1'.repeat(450), decls, 'any')).toMatchObject({ ok: false });
    expect(checkExpression('[' + '1,'.repeat(150) + '1]', decls, 'any')).toMatchObject({ ok: false });
  });

  it('keeps the cost of loops bounded: at most 100 elements a list, loops nested at most two deep', () => {
    const list = (length: number) => '[' + Array.from({ length }, (_, i) => i).join(',') + ']';
    // The worst a condition may do is 100 × 100 iterations, and it runs to the right answer.
    expect(run(`${list(100)}.exists(a, ${list(100)}.exists(b, a * b == 9801))`)).toEqual({ ok: true, value: true });
    expect(checkExpression(`${list(101)}.exists(a, a == 1)`, decls, 'bool').ok).toBe(false);
    expect(
      checkExpression(`${list(3)}.all(a, ${list(3)}.all(b, ${list(3)}.all(c, true)))`, decls, 'bool'),
    ).toMatchObject({ ok: false, problems: [{ message: 'Loops such as all() may be nested at most 2 deep.' }] });
  });
});
