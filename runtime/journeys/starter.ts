/** The document a new journey starts from: named, empty, with the program's defaults. */
import { CURRENT_SCHEMA_VERSION, type JourneyDocument } from '../../schema/document.js';

export function starterDocument(name: string): JourneyDocument {
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    name,
    attributes: {},
    settings: { timeZone: 'patient' },
    start: '',
    steps: {},
    layout: { steps: {} },
  };
}
