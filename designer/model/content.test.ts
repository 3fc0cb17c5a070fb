import { describe, expect, it } from 'vitest';
import { applyChange } from './changes.js';
import { firstDoseCheckIn } from './fixtures.js';
import { sameContent } from './content.js';

describe('sameContent', () => {
  it('ignores a move: moving a step changes only the layout', () => {
    const moved = applyChange(firstDoseCheckIn, { type: 'move-step', stepId: 'welcome', position: { x: 5, y: 7 } });
    expect(moved).not.toBe(firstDoseCheckIn);
    expect(sameContent(firstDoseCheckIn, moved)).toBe(true);
  });

  it('sees a renamed step and a renamed journey', () => {
    const welcome = firstDoseCheckIn.steps.welcome;
    const edited = applyChange(firstDoseCheckIn, {
      type: 'update-step',
      stepId: 'welcome',
      step: { ...welcome, name: 'Hi' } as typeof welcome,
    });
    expect(sameContent(firstDoseCheckIn, edited)).toBe(false);
    expect(
      sameContent(firstDoseCheckIn, applyChange(firstDoseCheckIn, { type: 'rename-journey', name: 'Other' })),
    ).toBe(false);
  });
});
