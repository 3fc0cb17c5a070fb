/** The document a new journey starts from: named, empty, with the program's defaults. */
import { CURRENT_SCHEMA_VERSION, DEFAULT_QUIET_HOURS, type JourneyDocument } from './document.js';

export function starterDocument(name: string): JourneyDocument {
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    name,
    attributes: {},
    events: {},
    entry: { reentry: 'never' },
    exitCriteria: [],
    goals: [],
    // Consent purpose starts as the program's usual one; reviewers see and can change it.
    settings: {
      timeZone: { source: 'patient', fallback: 'America/New_York' },
      quietHours: { ...DEFAULT_QUIET_HOURS, channels: [...DEFAULT_QUIET_HOURS.channels] },
      consentPurpose: 'adherence-support',
      smsSegmentBudget: 3,
    },
    start: '',
    steps: {},
    layout: { steps: {} },
  };
}
