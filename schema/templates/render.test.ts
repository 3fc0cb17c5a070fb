/** Rendering: strict variables, clear errors naming the missing value, determinism and bounded cost. */
import { describe, expect, it } from 'vitest';
import { renderTemplate, TemplateRenderError } from './index.js';

const context = {
  patient: { firstName: 'Ada', therapy: 'adalimumab', refillDate: '2025-03-05', nickname: null },
  journey: { name: 'Refill reminders' },
};

function renderError(source: string, ctx: Record<string, unknown> = context): TemplateRenderError {
  try {
    renderTemplate(source, ctx);
  } catch (error) {
    expect(error).toBeInstanceOf(TemplateRenderError);
    return error as TemplateRenderError;
  }
  throw new Error('expected the render to fail');
}

describe('renderTemplate', () => {
  it('renders patient and journey values with filters', () => {
    expect(
      renderTemplate(
        'Hi {{ patient.firstName }}, your {{ patient.therapy | upcase }} refill is due {{ patient.refillDate | date: "%b %-d" }}. – {{ journey.name }}',
        context,
      ),
    ).toBe('Hi Ada, your ADALIMUMAB refill is due Mar 5. – Refill reminders');
  });

  it('handles optional values with if and default', () => {
    expect(
      renderTemplate('Hi {% if patient.nick %}{{ patient.nick }}{% else %}{{ patient.firstName }}{% endif %}', context),
    ).toBe('Hi Ada');
    expect(renderTemplate('Hi {{ patient.nick | default: "there" }}', context)).toBe('Hi there');
  });

  it('throws a clear error naming the missing variable', () => {
    const error = renderError('Hello {{ patient.lastName }}!');
    expect(error.message).toBe('The template uses `patient.lastName`, which has no value for this patient.');
    expect(error.variable).toBe('patient.lastName');
    expect(error.position).toBe('Hello {{ '.length);
  });

  it('reads own properties only', () => {
    expect(renderError('{{ patient.constructor }}').variable).toBe('patient.constructor');
    expect(renderError('{{ patient.firstName.__proto__ }}').variable).toBe('patient.firstName.__proto__');
  });

  it('fails on parse errors and on the clock', () => {
    expect(renderError('{{ patient.firstName | shout }}').message).toBe(
      '`shout` is not a filter that templates can use.',
    );
    expect(renderError('{{ "now" | date: "%Y" }}').message).toContain('"now" is not allowed');
  });

  // Each hostile template is stopped by a budget (allocation or output length), deterministically, not by the clock:
  // the messages name the budget. How long that takes is measured in test/bench (hostile-input.bench.ts).
  it('keeps hostile templates bounded by the memory and output budgets', () => {
    expect(renderError('{% for i in (1..100000000) %}{{ i }}{% endfor %}').message).toContain('too much text');
    expect(
      renderError(
        '{% assign s = "0123456789" %}{% for i in (1..40) %}{% assign s = s | append: s %}{% endfor %}{{ s }}',
      ).message,
    ).toContain('too much text');
    expect(
      renderError(
        '{% for i in (1..2000) %}{{ patient.therapy }}{{ patient.therapy }}{{ patient.therapy }}{{ patient.therapy }}{{ patient.therapy }}{{ patient.therapy }}{% endfor %}',
      ).message,
    ).toContain('the limit is 100,000');
  });
});
