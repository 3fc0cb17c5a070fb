import { describe, expect, it } from 'vitest';
import type { Problem } from '../../schema/index.js';
import { fieldPointers, pointerOf, problemsAt, unclaimedProblems, widgetKey } from './pointers.js';
import { stepFormSpec } from './step-forms.js';

const problem = (pointer: string): Problem => ({ code: 'x', pointer, severity: 'error', message: pointer });

describe('pointer matching', () => {
  it('builds RFC 6901 pointers from paths, escaping / and ~', () => {
    expect(pointerOf('/steps/a', ['split', 'bands', 0, 'min'])).toBe('/steps/a/split/bands/0/min');
    expect(pointerOf('/events', ['refill/picked~up'])).toBe('/events/refill~1picked~0up');
  });

  it('shows a problem only at the field it points at', () => {
    const problems = [problem('/steps/a/deadline'), problem('/steps/a/outcomes/0/id'), problem('/steps/a')];
    expect(problemsAt(problems, '/steps/a/deadline')).toHaveLength(1);
    expect(problemsAt(problems, '/steps/a/outcomes')).toHaveLength(0);
  });

  it('knows which pointers the form renders, so the rest are listed on top', () => {
    const step = {
      type: 'split',
      split: { mode: 'bands', value: 'assessment.score', bands: [{ id: 'low', min: 0, max: 4 }] },
    };
    const pointers = fieldPointers(stepFormSpec('split'), step, '/steps/s');
    expect(pointers).toContain('/steps/s/split/mode');
    expect(pointers).toContain('/steps/s/split/bands');
    expect(pointers).toContain('/steps/s/split/bands/0/max');
    expect(pointers).not.toContain('/steps/s/split/branches');
    const problems = [problem('/steps/s/split/bands'), problem('/steps/s'), problem('/steps/s/outputs/low')];
    expect(unclaimedProblems(problems, pointers).map((p) => p.pointer)).toEqual(['/steps/s', '/steps/s/outputs/low']);
  });
});

describe('widget keys', () => {
  it('match every row of a list', () => {
    expect(widgetKey(['set', 3, 'attribute'])).toBe('set/*/attribute');
    expect(widgetKey(['connector'])).toBe('connector');
  });
});
