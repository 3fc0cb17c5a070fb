/** The example journeys, typed, for tests and stories (examples double as fixtures). */
import type { JourneyDocument } from '../../schema/index.js';
import firstDoseJson from '../../examples/journeys/first-dose-check-in.journey.json';

export const firstDoseCheckIn = firstDoseJson as unknown as JourneyDocument;

/** A journey with nothing on it yet, as a program manager starts one. */
export function emptyJourney(name = 'Untitled journey'): JourneyDocument {
  return { schemaVersion: 1, name, attributes: {}, settings: { timeZone: 'patient' }, start: 'start', steps: {} };
}
