/** A journey that starts with a nurse call (a task step), for tests of the task queue and of the runtime around it. */
import type { JourneyDocument } from '../../schema/document.js';

export interface NurseCallOptions {
  /** How long the task may stay open before it escalates (ISO 8601). */
  deadline?: string;
  escalationQueue?: string;
  /** A wait between "reached" and the thank-you SMS (ISO 8601), so the enrollment idles there. */
  waitBeforeThanks?: string;
}

/** A nurse call first; "reached" sends a thank-you SMS (after `waitBeforeThanks`), the other ways end quietly. */
export function nurseCallJourney({ deadline = 'PT8H', escalationQueue, waitBeforeThanks }: NurseCallOptions = {}) {
  const pause = waitBeforeThanks
    ? {
        pause: {
          type: 'wait',
          name: 'Later',
          wait: { kind: 'duration', duration: waitBeforeThanks },
          outputs: { next: 'thanks' },
        },
      }
    : {};
  return {
    schemaVersion: 2,
    name: 'Nurse call first',
    attributes: {},
    settings: { timeZone: { source: 'patient', fallback: 'America/New_York' }, consentPurpose: 'adherence-support' },
    start: 'nurse-call',
    steps: {
      'nurse-call': {
        type: 'task',
        name: 'Welcome call',
        queue: 'nurses',
        ...(escalationQueue ? { escalationQueue } : {}),
        title: 'Welcome call',
        talkingPoints: ['Introduce yourself as their nurse.', 'Ask how they feel about the first injection.'],
        outcomes: [
          { id: 'reached', label: 'Reached' },
          { id: 'voicemail', label: 'Left voicemail' },
        ],
        deadline,
        outputs: {
          reached: waitBeforeThanks ? 'pause' : 'thanks',
          voicemail: 'end-voicemail',
          escalated: 'end-escalated',
        },
      },
      ...pause,
      thanks: {
        type: 'message',
        name: 'Thanks',
        channel: 'sms',
        connector: 'dev',
        template: 'Thanks for talking with your nurse today.',
        outputs: { next: 'end-reached' },
      },
      'end-reached': { type: 'end', outputs: {} },
      'end-voicemail': { type: 'end', outputs: {} },
      'end-escalated': { type: 'end', outputs: {} },
    },
  } as unknown as JourneyDocument;
}
