import { describe, expect, it } from 'vitest';
import { humanize, toFieldSpec, type FieldSpec } from './form-spec.js';
import { journeyFormSpec, stepFormSpec } from './step-forms.js';
import { stepTypes } from '../../schema/index.js';

const property = (
  spec: { properties: Array<{ name: string; spec: FieldSpec; present: boolean; description?: string }> },
  name: string,
) => spec.properties.find((p) => p.name === name)!;

describe('JSON Schema to form fields', () => {
  it('labels properties from their names', () => {
    expect(humanize('smsSegmentBudget')).toBe('SMS segment budget');
    expect(humanize('maxVisits')).toBe('Max visits');
    expect(humanize('wait-for-event')).toBe('Wait for event');
  });

  it('maps primitives, enums, constants and long text', () => {
    expect(toFieldSpec({ type: 'string', maxLength: 100 })).toEqual({ kind: 'text', multiline: false, maxLength: 100 });
    expect(toFieldSpec({ type: 'string', maxLength: 4000 })).toMatchObject({ kind: 'text', multiline: true });
    expect(toFieldSpec({ type: 'integer', minimum: 1, maximum: 10, default: 3 })).toEqual({
      kind: 'number',
      integer: true,
      min: 1,
      max: 10,
      default: 3,
    });
    expect(toFieldSpec({ type: 'boolean' })).toEqual({ kind: 'boolean' });
    expect(toFieldSpec({ type: 'string', enum: ['sms', 'web-link'] })).toEqual({
      kind: 'enum',
      options: ['sms', 'web-link'],
    });
    expect(toFieldSpec({ type: 'string', const: 'wait' })).toEqual({ kind: 'const', value: 'wait' });
    expect(toFieldSpec({ type: 'array', items: { type: 'string', enum: ['mon', 'tue'] } })).toEqual({
      kind: 'multi',
      options: ['mon', 'tue'],
    });
  });

  it('puts the fields every step shares last, with hints', () => {
    const names = stepFormSpec('task').properties.map((p) => p.name);
    expect(names.slice(-2)).toEqual(['note', 'maxVisits']);
    expect(property(stepFormSpec('task'), 'maxVisits')).toMatchObject({
      description: expect.stringContaining('capped'),
    });
  });

  it('omits the fields the inspector shows itself', () => {
    const names = stepFormSpec('task').properties.map((p) => p.name);
    expect(names).not.toContain('type');
    expect(names).not.toContain('outputs');
    expect(names).not.toContain('name');
    expect(names).toEqual(
      expect.arrayContaining(['queue', 'title', 'talkingPoints', 'outcomes', 'deadline', 'maxVisits', 'note']),
    );
  });

  it('turns wait.kind and split.mode into discriminated unions', () => {
    const wait = property(stepFormSpec('wait'), 'wait').spec;
    expect(wait.kind).toBe('union');
    if (wait.kind !== 'union') return;
    expect(wait.discriminator).toBe('kind');
    expect(wait.options.map((o) => o.value)).toEqual(['duration', 'time-of-day', 'attribute-date']);
    expect(wait.options[1].spec.properties.map((p) => p.name)).toEqual(['time', 'weekdays']);
    const split = property(stepFormSpec('split'), 'split').spec;
    expect(split.kind === 'union' && split.discriminator).toBe('mode');
  });

  it('turns arrays of objects into rows and optional objects into present/absent', () => {
    const outcomes = property(stepFormSpec('task'), 'outcomes').spec;
    expect(outcomes).toMatchObject({ kind: 'list', minItems: 1, items: { kind: 'object' } });
    const talkingPoints = property(stepFormSpec('task'), 'talkingPoints');
    expect(talkingPoints).toMatchObject({ present: true, spec: { kind: 'list', items: { kind: 'text' } } });
    const awaitReply = property(stepFormSpec('message'), 'await');
    expect(awaitReply).toMatchObject({ present: false, spec: { kind: 'object' } });
  });

  it('edits the embedded questionnaire as JSON, since FHIR items are recursive', () => {
    expect(property(stepFormSpec('assessment'), 'questionnaire').spec.kind).toBe('json');
  });

  it('generates a form for every step type and the journey settings', () => {
    for (const type of stepTypes) expect(stepFormSpec(type).kind).toBe('object');
    const journey = journeyFormSpec();
    expect(journey.properties.map((p) => p.name)).toEqual([
      'name',
      'description',
      'attributes',
      'events',
      'entry',
      'exitCriteria',
      'goals',
      'settings',
    ]);
    expect(property(journey, 'attributes').spec).toMatchObject({ kind: 'record', values: { kind: 'object' } });
    const settings = property(journey, 'settings').spec;
    expect(settings.kind === 'object' && property(settings, 'timeZone').spec).toMatchObject({
      kind: 'union',
      discriminator: 'source',
    });
    expect(settings.kind === 'object' && property(settings, 'frequencyCap')).toMatchObject({
      present: false,
      spec: { kind: 'object' },
    });
  });
});
