/** The benchmark's journey: the first-dose check-in example with its two-day wait shortened to one second. */
import { readFileSync } from 'node:fs';
import type { JourneyDocument } from '../../../schema/document.js';

/** How long the wait step sleeps, in both variants. */
export const WAIT_MS = 1000;

export function benchJourney(): JourneyDocument {
  const file = new URL('../../../examples/journeys/first-dose-check-in.journey.json', import.meta.url);
  const journey = JSON.parse(readFileSync(file, 'utf8')) as JourneyDocument;
  const wait = journey.steps['wait-two-days'];
  if (wait?.type !== 'wait' || wait.wait.kind !== 'duration') throw new Error('the example journey changed shape');
  wait.wait.duration = `PT${WAIT_MS / 1000}S`;
  return journey;
}
