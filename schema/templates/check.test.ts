/** Design-time template checks: undeclared variables, unknown filters and tags, with positions. */
import { describe, expect, it } from 'vitest';
import { checkTemplate } from './index.js';

const allowed = { patient: ['therapy', 'refillDate'], journey: ['name'] };

describe('checkTemplate', () => {
  it('accepts declared attributes, built-in names and journey values', () => {
    expect(
      checkTemplate(
        'Hi {{ patient.firstName }} ({{ patient.name }}): {{ patient.therapy | capitalize }} on {{ patient.refillDate | date: "%b %d" }} – {{ journey.name }}',
        allowed,
      ),
    ).toEqual([]);
    expect(
      checkTemplate('{% if patient.therapy %}{{ patient.therapy }}{% else %}your medicine{% endif %}', allowed),
    ).toEqual([]);
  });

  it('names an undeclared attribute, lists the declared ones, and points at it', () => {
    const source = 'Hello {{ patient.frist_name }}!';
    expect(checkTemplate(source, allowed)).toEqual([
      {
        position: source.indexOf('patient'),
        message:
          '`patient.frist_name` is not a declared patient attribute; declared: firstName, name, therapy, refillDate.',
      },
    ]);
  });

  it('reports every undeclared variable at once, across lines', () => {
    const source = 'Hi {{ patient.nick }}\n  {{ order.id }} {{ journey.owner }}';
    expect(checkTemplate(source, allowed)).toEqual([
      { position: 6, message: expect.stringContaining('`patient.nick`') },
      {
        position: source.indexOf('order'),
        message: '`order` is not available in message templates; use `patient.…` and `journey.…`.',
      },
      { position: source.indexOf('journey'), message: '`journey.owner` is not a journey value; declared: name.' },
    ]);
  });

  it('treats journey as unknown when no journey values are allowed', () => {
    expect(checkTemplate('{{ journey.name }}', { patient: [] })).toEqual([
      { position: 3, message: '`journey` is not available in message templates; use `patient.…`.' },
    ]);
  });

  it('rejects whole objects and computed field names', () => {
    expect(checkTemplate('{{ patient }}', allowed)[0].message).toContain('`patient` on its own cannot be printed');
    expect(checkTemplate('{{ patient[journey.name] }}', allowed)[0].message).toContain('computed name');
  });

  it('rejects unknown filters, unknown tags and non-deterministic filters', () => {
    expect(checkTemplate('{{ patient.therapy | upcase | reverse_it }}', allowed)).toEqual([
      { position: 0, message: '`reverse_it` is not a filter that templates can use.' },
    ]);
    expect(checkTemplate('x {% frobnicate %}', allowed)).toEqual([
      { position: 2, message: '`{% frobnicate %}` is not a Liquid tag.' },
    ]);
    expect(checkTemplate('{{ patient.therapy | sample }}', allowed)[0].message).toContain('`sample` is not a filter');
  });
});
