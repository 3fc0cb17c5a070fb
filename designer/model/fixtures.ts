/** The example journeys, typed, for tests and stories (examples double as fixtures). */
import { JourneyDocument, starterDocument } from '../../schema/index.js';
import firstDoseJson from '../../examples/journeys/first-dose-check-in.journey.json';

// Parsed, so the language's defaults are filled in exactly as the editor sees a loaded document.
export const firstDoseCheckIn: JourneyDocument = JourneyDocument.parse(firstDoseJson);

/** A journey with nothing on it yet, exactly as the server's starter document makes one. */
export function emptyJourney(name = 'Untitled journey'): JourneyDocument {
  return starterDocument(name);
}
