/** Static analysis of template variables, without rendering. */
import { describe, expect, it } from 'vitest';
import { templateVariables } from './index.js';

describe('templateVariables', () => {
  it('lists the dotted paths a template reads, once each, in order', () => {
    const source =
      'Hi {{ patient.firstName }}, your {{ patient.therapy | upcase }} refill is due. {{ patient.firstName }} {{ journey.name }}';
    expect(templateVariables(source)).toEqual({
      ok: true,
      variables: ['patient.firstName', 'patient.therapy', 'journey.name'],
    });
  });

  it('sees variables in tags and leaves out locals from assign and for', () => {
    const source =
      '{% assign n = patient.nickname %}{{ n }}{% if patient.age > 40 %}x{% endif %}{% for d in patient.doses %}{{ d.day }}{{ forloop.index }}{% endfor %}';
    expect(templateVariables(source)).toEqual({
      ok: true,
      variables: ['patient.nickname', 'patient.age', 'patient.doses'],
    });
  });

  it('returns parse problems with their position', () => {
    expect(templateVariables('Hi {{ patient.firstName ')).toEqual({
      ok: false,
      problems: [{ position: 3, message: expect.stringContaining('not closed') }],
    });
    expect(templateVariables('Hi {{ patient.firstName | shout }}')).toEqual({
      ok: false,
      problems: [{ position: 3, message: '`shout` is not a filter that templates can use.' }],
    });
    expect(templateVariables('{% include "footer" %}')).toMatchObject({
      ok: false,
      problems: [{ position: 0, message: expect.stringContaining('cannot load other templates') }],
    });
  });

  it('refuses a template over the length limit without parsing it', () => {
    expect(templateVariables('x'.repeat(100_000))).toMatchObject({ ok: false, problems: [{ position: 20_000 }] });
  });
});
