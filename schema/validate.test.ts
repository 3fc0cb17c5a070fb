import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { validateJourney } from './validate.js';

const example = () =>
  JSON.parse(readFileSync(new URL('../examples/journeys/first-dose-check-in.journey.json', import.meta.url), 'utf8'));

describe('validateJourney', () => {
  it('accepts the first-dose example with no problems', () => {
    const result = validateJourney(example());
    expect(result.ok).toBe(true);
    expect(result.problems).toEqual([]);
  });

  it('reports an unconnected output and an empty template together, each with pointer and step id', () => {
    const doc = example();
    delete doc.steps['ask-first-dose'].outputs.timeout;
    doc.steps.welcome.template = '   ';
    const result = validateJourney(doc);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: 'graph.unconnected-output',
          stepId: 'ask-first-dose',
          pointer: '/steps/ask-first-dose/outputs',
        }),
        expect.objectContaining({
          code: 'message.empty-template',
          stepId: 'welcome',
          pointer: '/steps/welcome/template',
        }),
      ]),
    );
    // The timeout output is now unconnected, so its end step can no longer be reached.
    expect(result.problems.map((p) => p.code)).toContain('graph.unreachable-step');
  });

  it('names an unknown step type and where it is', () => {
    const doc = example();
    doc.steps.welcome.type = 'carrier-pigeon';
    const result = validateJourney(doc);
    expect(result.ok).toBe(false);
    expect(result.problems[0]).toMatchObject({ pointer: '/steps/welcome/type', stepId: 'welcome' });
    expect(result.problems[0].message).toContain('carrier-pigeon');
  });

  it('finds dangling outputs and loops that never pause', () => {
    const doc = example();
    doc.steps['end-well'] = {
      type: 'message',
      channel: 'sms',
      connector: 'dev',
      template: 'x',
      outputs: { next: 'loop-b' },
    };
    doc.steps['loop-b'] = {
      type: 'message',
      channel: 'sms',
      connector: 'dev',
      template: 'y',
      outputs: { next: 'end-well' },
    };
    doc.steps['end-no-reply'].outputs = { next: 'nowhere' };
    const codes = validateJourney(doc).problems.map((p) => p.code);
    expect(codes).toContain('graph.loop-without-wait');
    expect(codes).toContain('graph.dangling-output');
  });

  it('refuses forbidden keys and deep nesting without crashing', () => {
    const hostile = JSON.parse('{"schemaVersion":1,"name":"x","start":"a","steps":{"__proto__":{"type":"end"}}}');
    expect(validateJourney(hostile).problems[0]).toMatchObject({
      code: 'structure.limits',
      pointer: '/steps/__proto__',
    });
    let deep: unknown = {};
    for (let i = 0; i < 10_000; i++) deep = { d: deep };
    expect(validateJourney(deep).problems[0].code).toBe('structure.limits');
  });
});
