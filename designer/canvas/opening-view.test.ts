import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { JourneyDocument } from '../../schema/index.js';
import { openingSteps, openingView } from './opening-view.js';

const examples = readdirSync('examples/journeys')
  .filter((f) => f.endsWith('.journey.json'))
  .map((f) => JourneyDocument.parse(JSON.parse(readFileSync(`examples/journeys/${f}`, 'utf8'))));

describe('the opening view', () => {
  it('starts every example journey at its start step, then the steps that follow it', () => {
    for (const journey of examples) {
      const steps = openingSteps(journey);
      expect(steps[0]).toBe(journey.start);
      expect(steps.length).toBeGreaterThan(1);
      for (const id of steps.slice(1)) {
        // Each shown step is reached from an earlier shown one.
        expect(steps.some((from) => Object.values(journey.steps[from].outputs).includes(id))).toBe(true);
      }
    }
  });

  it('never opens below a readable zoom', () => {
    expect(openingView(examples[0]).minZoom).toBeGreaterThanOrEqual(0.75);
  });
});
