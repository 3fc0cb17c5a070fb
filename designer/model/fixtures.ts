/** The example journeys, typed, for tests and stories (examples double as fixtures). */
import { DEFAULT_QUIET_HOURS, JourneyDocument } from '../../schema/index.js';
import firstDoseJson from '../../examples/journeys/first-dose-check-in.journey.json';

// Parsed, so the language's defaults are filled in exactly as the editor sees a loaded document.
export const firstDoseCheckIn: JourneyDocument = JourneyDocument.parse(firstDoseJson);

/** A journey with nothing on it yet, as the server's starter document makes one: schema v2 with the program's defaults. */
export function emptyJourney(name = 'Untitled journey'): JourneyDocument {
  return {
    schemaVersion: 2,
    name,
    attributes: {},
    events: {},
    entry: { reentry: 'never' },
    exitCriteria: [],
    goals: [],
    settings: { timeZone: { source: 'patient', fallback: 'America/New_York' }, quietHours: { ...DEFAULT_QUIET_HOURS, channels: [...DEFAULT_QUIET_HOURS.channels] }, consentPurpose: 'adherence-support', smsSegmentBudget: 3 },
    start: 'start',
    steps: {},
  };
}
