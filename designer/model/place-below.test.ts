/** Palette press with a step selected: the new step lands below it, uncovered, connected from the first free output. */
import { describe, expect, it } from 'vitest';
import { applyChange } from './changes.js';
import { firstFreeOutput, placeBelow } from './place-below.js';
import { createStep } from './step-ids.js';
import { emptyJourney, firstDoseCheckIn } from './fixtures.js';
import type { JourneyDocument } from '../../schema/index.js';

const applyAll = (document: JourneyDocument, changes: ReturnType<typeof placeBelow>) =>
  (changes ?? []).reduce(applyChange, document);

describe('placeBelow', () => {
  it('puts the new step under the selected one and connects its first free output', () => {
    let document = applyChange(emptyJourney(), {
      type: 'add-step',
      stepId: 'message-1',
      step: createStep('message', 'message-1'),
      position: { x: 100, y: 50 },
    });
    document = applyAll(document, placeBelow(document, 'message-1', 'wait-1', createStep('wait', 'wait-1')));
    expect(document.steps['message-1'].outputs).toEqual({ next: 'wait-1' });
    const above = document.layout!.steps['message-1'];
    const below = document.layout!.steps['wait-1'];
    expect(below.y).toBeGreaterThan(above.y + 100);
    expect(Math.abs(below.x - above.x)).toBeLessThan(10);
  });

  it('takes the next free output and moves right of a card already below', () => {
    const base = applyAll(firstDoseCheckIn, [
      { type: 'disconnect', source: 'ask-first-dose', output: 'no' },
      { type: 'disconnect', source: 'ask-first-dose', output: 'timeout' },
    ]);
    const changes = placeBelow(base, 'ask-first-dose', 'end-1', createStep('end', 'end-1'))!;
    expect(changes[1]).toEqual({ type: 'connect', source: 'ask-first-dose', output: 'no', target: 'end-1' });
    const after = applyAll(base, changes);
    const placed = after.layout!.steps['end-1'];
    for (const [id, at] of Object.entries(base.layout!.steps)) {
      const sameSpot = Math.abs(at.x - placed.x) < 240 && Math.abs(at.y - placed.y) < 110;
      expect(sameSpot, `end-1 covers ${id}`).toBe(false);
    }
  });

  it('adds without connecting when every output is taken, and gives up on a step with no position', () => {
    expect(firstFreeOutput(firstDoseCheckIn.steps.welcome)).toBeUndefined();
    const changes = placeBelow(firstDoseCheckIn, 'welcome', 'wait-1', createStep('wait', 'wait-1'))!;
    expect(changes.map((c) => c.type)).toEqual(['add-step']);
    const { layout: _layout, ...noLayout } = firstDoseCheckIn;
    expect(placeBelow(noLayout, 'welcome', 'wait-1', createStep('wait', 'wait-1'))).toBeUndefined();
  });
});
