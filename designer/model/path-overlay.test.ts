import { describe, expect, it } from 'vitest';
import { pathOverlay } from './path-overlay.js';
import type { EnrollmentState } from '../../runtime/engine/types.js';

const base: EnrollmentState = {
  status: 'running',
  phase: { kind: 'done' },
  visits: {},
  path: [],
  timers: [],
  attributes: {},
  sequence: 0,
  startedAt: 0,
};

describe('pathOverlay', () => {
  it('marks visited steps, the edges taken, and the step the patient is in', () => {
    const overlay = pathOverlay({
      ...base,
      phase: { kind: 'awaiting-reply', step: 'ask', visit: 1, timerId: 't1', deadline: 10 },
      path: [
        { step: 'welcome', visit: 1, enteredAt: 0, leftAt: 1, output: 'next' },
        { step: 'wait', visit: 1, enteredAt: 1, leftAt: 2, output: 'next' },
        { step: 'ask', visit: 1, enteredAt: 2 },
      ],
    });
    expect([...overlay.visitedSteps]).toEqual(['welcome', 'wait', 'ask']);
    expect([...overlay.takenEdges]).toEqual(['welcome:next', 'wait:next']);
    expect(overlay.currentStep).toBe('ask');
  });

  it('has no current step once completed', () => {
    const overlay = pathOverlay({ ...base, status: 'completed', path: [{ step: 'end', visit: 1, enteredAt: 0 }] });
    expect(overlay.currentStep).toBeUndefined();
    expect(overlay.status).toBe('completed');
  });

  it('is empty without a state', () => {
    expect(pathOverlay(null).visitedSteps.size).toBe(0);
  });
});
