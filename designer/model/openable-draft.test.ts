/** A sound draft opens as it is; a draft saved without the canvas's frame opens with only that frame repaired. */
import { describe, expect, it } from 'vitest';
import { openableDraft } from './openable-draft.js';
import { documentToGraph } from './projection.js';
import { firstDoseCheckIn } from './fixtures.js';
import type { JourneyDocument } from '../../schema/index.js';

describe('openableDraft', () => {
  it('returns a sound draft itself, structural problems in step content included', () => {
    const halfWritten = {
      ...firstDoseCheckIn,
      steps: { ...firstDoseCheckIn.steps, odd: { type: 'fax', outputs: {} } },
    } as unknown as JourneyDocument;
    expect(openableDraft(firstDoseCheckIn)).toBe(firstDoseCheckIn);
    expect(openableDraft(halfWritten)).toBe(halfWritten);
  });

  it('repairs only the frame of a draft saved without one, so the canvas can draw it', () => {
    const noSteps = { schemaVersion: 2, name: 'no steps' } as unknown as JourneyDocument;
    expect(openableDraft(noSteps)).toMatchObject({ name: 'no steps', steps: {} });
    const broken = {
      ...firstDoseCheckIn,
      steps: { welcome: { type: 'message', template: 'Hi' }, junk: 7, ask: { outputs: { yes: 3, no: 'welcome' } } },
      layout: 'lost',
    } as unknown as JourneyDocument;
    const opened = openableDraft(broken);
    expect(opened.steps).toEqual({
      welcome: { type: 'message', template: 'Hi', outputs: {} },
      ask: { type: 'unknown', outputs: { no: 'welcome' } },
    });
    expect(opened.layout).toBeUndefined();
    expect(documentToGraph(opened).edges.map((e) => e.id)).toEqual(['ask:no']);
  });
});
