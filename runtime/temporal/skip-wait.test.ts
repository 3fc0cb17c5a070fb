/** The skip-wait validator's rules: test enrollments only, a running journey paused on a timer, quiet hours never overridden. */
import { describe, expect, it } from 'vitest';
import { initialState } from '../engine/engine.js';
import type { EnrollmentState, Phase } from '../engine/types.js';
import { skipWaitRefusal } from './skip-wait.js';

const at = (phase: Phase, status: EnrollmentState['status'] = 'running'): EnrollmentState => ({
  ...initialState(0, {}),
  status,
  phase,
});
const waiting: Phase = { kind: 'waiting', step: 'wait', visit: 1, timerId: 't1', until: 1000 };

describe('skipWaitRefusal', () => {
  it('lets a test enrollment skip any timer it is paused on', () => {
    expect(skipWaitRefusal(true, at(waiting), [])).toBeUndefined();
    expect(
      skipWaitRefusal(true, at({ kind: 'awaiting-reply', step: 'ask', visit: 1, timerId: 't2', deadline: 5 }), []),
    ).toBeUndefined();
    expect(
      skipWaitRefusal(true, at({ kind: 'awaiting-task', step: 'call', visit: 2, timerId: 't3', deadline: 5 }), []),
    ).toBeUndefined();
  });

  it('refuses a real patient, an ended run, a journey not waiting, and a wait already ending', () => {
    expect(skipWaitRefusal(undefined, at(waiting), [])).toContain('Only a test enrollment');
    expect(skipWaitRefusal(false, at(waiting), [])).toContain('Only a test enrollment');
    expect(skipWaitRefusal(true, at({ kind: 'done' }, 'completed'), [])).toBe('The enrollment has ended (completed).');
    expect(skipWaitRefusal(true, at({ kind: 'sending', step: 'welcome', visit: 1 }), [])).toBe(
      'The journey is not waiting right now.',
    );
    expect(skipWaitRefusal(true, at(waiting), [{ type: 'timer', id: 't1' }])).toBe('This wait has just ended.');
    expect(skipWaitRefusal(true, at(waiting), [{ type: 'exit', reason: 'moved' }])).toBe('The enrollment is ending.');
  });

  it('never overrides quiet hours or the frequency cap', () => {
    const held = (why: 'quiet-hours' | 'frequency-cap'): Phase => ({
      kind: 'deferred',
      step: 'welcome',
      visit: 1,
      timerId: 't4',
      until: 9,
      why,
    });
    expect(skipWaitRefusal(true, at(held('quiet-hours')), [])).toContain('quiet hours');
    expect(skipWaitRefusal(true, at(held('frequency-cap')), [])).toContain('frequency cap');
  });
});
