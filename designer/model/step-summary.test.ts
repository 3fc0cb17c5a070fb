import { describe, expect, it } from 'vitest';
import { stepTypes, kindOfType } from '../../schema/index.js';
import { describeStep, describeWait } from './step-summary.js';
import { paletteGroups } from '../canvas/Palette.js';

describe('step summaries', () => {
  it('reads each wait kind', () => {
    expect(describeWait({ kind: 'duration', duration: 'P2D' })).toBe('Wait 2 days');
    expect(describeWait({ kind: 'time-of-day', time: '09:00', weekdays: ['mon', 'wed'] })).toBe(
      'Next 09:00 local, Mon/Wed',
    );
    expect(describeWait({ kind: 'time-of-day', time: '09:00' })).toBe('Next 09:00 local');
    expect(describeWait({ kind: 'attribute-date', attribute: 'refillDueDate', offset: '-P3D', time: '10:00' })).toBe(
      '3 days before refillDueDate at 10:00',
    );
    expect(describeWait({ kind: 'attribute-date', attribute: 'refillDueDate', offset: 'P1D', time: '10:00' })).toBe(
      '1 day after refillDueDate at 10:00',
    );
    expect(describeWait({ kind: 'attribute-date', attribute: 'refillDueDate', time: '09:00' })).toBe(
      'On refillDueDate at 09:00',
    );
  });

  it('summarises every fresh step of every type without throwing', () => {
    for (const type of stepTypes) {
      const summary = describeStep(kindOfType(type).create());
      if (type !== 'message') expect(summary?.trim().length ?? 0, `summary of a new ${type} step`).toBeGreaterThan(0);
    }
  });

  it('describes the new step types in one line', () => {
    expect(
      describeStep({
        type: 'update',
        set: [{ attribute: 'risk', value: '"high"' }],
        addTags: ['phq-high'],
        removeTags: [],
      }),
    ).toBe('set risk, tag phq-high');
    expect(
      describeStep({
        type: 'split',
        split: {
          mode: 'random',
          variants: [
            { id: 'a', percent: 50 },
            { id: 'b', percent: 50 },
          ],
        },
      }),
    ).toBe('Random: a 50%, b 50%');
    expect(
      describeStep({
        type: 'task',
        queue: 'nurses',
        title: 'Call',
        talkingPoints: [],
        outcomes: [{ id: 'reached' }],
        deadline: 'PT8H',
      }),
    ).toBe('nurses: Call · within 8 hours');
    expect(describeStep({ type: 'goal', goal: 'refilled' })).toBe('Goal: refilled');
    expect(describeStep({ type: 'exit', reason: 'opted out' })).toBe('Exits: opted out');
  });
});

describe('palette groups', () => {
  it('list every step type exactly once', () => {
    const listed = paletteGroups.flatMap((g) => g.types);
    expect([...listed].sort()).toEqual([...stepTypes].sort());
  });
});
