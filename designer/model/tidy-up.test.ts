/** Tidy up lays every step out again without overlaps, leaves the content alone, and undoes in one step. */
import { describe, expect, it } from 'vitest';
import { tidyUp } from './tidy-up.js';
import { createHistory, record, undo } from './history.js';
import { hashedContent } from '../../schema/canonical.js';
import { stepNodeHeight, stepNodeWidth } from './auto-layout.js';
import { emptyJourney, firstDoseCheckIn } from './fixtures.js';

describe('tidyUp', () => {
  const piledUp = {
    ...firstDoseCheckIn,
    layout: { steps: Object.fromEntries(Object.keys(firstDoseCheckIn.steps).map((id) => [id, { x: 0, y: 0 }])) },
  };

  it('places every step so that no two cards overlap, content untouched', () => {
    const tidy = tidyUp(piledUp);
    expect(hashedContent(tidy)).toEqual(hashedContent(piledUp));
    const boxes = Object.entries(tidy.layout!.steps).map(([id, at]) => ({
      id,
      ...at,
      w: stepNodeWidth(tidy.steps[id]),
      h: stepNodeHeight(tidy.steps[id]),
    }));
    expect(boxes).toHaveLength(Object.keys(tidy.steps).length);
    for (const a of boxes)
      for (const b of boxes)
        if (a.id < b.id)
          expect(a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h, `${a.id}/${b.id}`).toBe(
            false,
          );
    // Top to bottom: the start is above the steps it leads to.
    expect(tidy.layout!.steps.welcome.y).toBeLessThan(tidy.layout!.steps['wait-two-days'].y);
  });

  it('is one undoable change', () => {
    const history = record(createHistory(piledUp), { type: 'replace-document', document: tidyUp(piledUp) });
    expect(history.document.layout!.steps['end-well']).not.toEqual({ x: 0, y: 0 });
    expect(undo(history).document).toEqual(piledUp);
  });

  it('leaves an empty journey as it is', () => {
    const empty = emptyJourney();
    expect(tidyUp(empty)).toBe(empty);
  });
});
