import { describe, expect, it } from 'vitest';
import { fillEmptyIds, freshValue, getIn, renameKey, setIn, singularKey, switchOption } from './form-values.js';
import { stepFormSpec } from './step-forms.js';

describe('form values', () => {
  it('sets and clears values by path without touching the original', () => {
    const step = { type: 'task', outcomes: [{ id: 'a' }, { id: 'b' }] };
    const next = setIn(step, ['outcomes', 1, 'label'], 'B');
    expect(getIn(next, ['outcomes', 1, 'label'])).toBe('B');
    expect(step.outcomes[1]).toEqual({ id: 'b' });
    expect(setIn(next, ['outcomes', 1, 'label'], undefined)).toEqual(step);
  });

  it('makes fresh rows and switches union options keeping shared fields', () => {
    const split = stepFormSpec('split').properties.find((p) => p.name === 'split')!.spec;
    if (split.kind !== 'union') throw new Error('not a union');
    expect(freshValue(split)).toEqual({ mode: 'conditions', branches: [{ id: '', when: '' }] });
    const wait = stepFormSpec('wait').properties.find((p) => p.name === 'wait')!.spec;
    if (wait.kind !== 'union') throw new Error('not a union');
    expect(switchOption(wait, { kind: 'time-of-day', time: '10:30' }, 'attribute-date')).toEqual({
      kind: 'attribute-date',
      attribute: '',
      time: '10:30',
    });
  });

  it('renames a map key in place', () => {
    expect(Object.keys(renameKey({ a: 1, b: 2, c: 3 }, 'b', 'x'))).toEqual(['a', 'x', 'c']);
    expect(renameKey({ a: 1, b: 2 }, 'a', 'b')).toEqual({ a: 1, b: 2 });
  });
});

describe('fresh ids', () => {
  it('names new rows after their list, unique among the ids already there', () => {
    expect(fillEmptyIds([{ id: 'variant-1' }, { id: '' }, { id: '' }], 'variant')).toEqual([
      { id: 'variant-1' },
      { id: 'variant-2' },
      { id: 'variant-3' },
    ]);
    expect(fillEmptyIds({ mode: 'conditions', branches: [{ id: '', when: 'true' }] })).toEqual({
      mode: 'conditions',
      branches: [{ id: 'branch-1', when: 'true' }],
    });
    expect(singularKey('exitCriteria')).toBe('exit-criterion');
    expect(singularKey('outcomes')).toBe('outcome');
  });
});
