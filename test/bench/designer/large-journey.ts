/** Large, valid journeys for the designer benchmarks: a chain of check-ins, each an SMS question with reply branches, a wait and an update. */
import type { JourneyDocument, Step } from '../../../schema/index.js';

/**
 * `steps` steps (rounded down to whole check-ins of five), every message with its own text, so template
 * caches see as many distinct templates as a real long program would; laid out in a grid so the
 * canvas opens with stored positions.
 */
export function largeJourney(steps: number): JourneyDocument {
  const rounds = Math.max(1, Math.floor((steps - 1) / 5));
  const all: Record<string, Step> = {};
  const layout: Record<string, { x: number; y: number }> = {};
  const place = (id: string, round: number, column: number) => {
    layout[id] = { x: column * 320, y: round * 220 };
  };
  for (let r = 0; r < rounds; r++) {
    const next = r + 1 < rounds ? `ask-${r + 1}` : 'end';
    all[`ask-${r}`] = {
      type: 'message',
      name: `Check-in ${r + 1}`,
      channel: 'sms',
      connector: 'dev',
      template: `Hi {{ patient.firstName }}, check-in ${r + 1}: did you take your dose this week? Reply 1 for yes, 2 for no.`,
      await: {
        classes: [
          { id: 'yes', label: 'Yes', match: ['1', 'yes'] },
          { id: 'no', label: 'No', match: ['2', 'no'] },
        ],
        timeout: 'P1D',
      },
      outputs: { yes: `thanks-${r}`, no: `help-${r}`, timeout: `wait-${r}` },
    } as Step;
    all[`thanks-${r}`] = {
      type: 'message',
      name: `Thanks ${r + 1}`,
      channel: 'sms',
      connector: 'dev',
      template: `Thank you {{ patient.firstName }} — week ${r + 1} done. Keep going!`,
      outputs: { next: `wait-${r}` },
    } as Step;
    all[`help-${r}`] = {
      type: 'message',
      name: `Help ${r + 1}`,
      channel: 'email',
      connector: 'dev',
      subject: `Week ${r + 1}: we are here to help`,
      template: `Hello {{ patient.firstName }}, missing a dose in week ${r + 1} happens. Call us any time.`,
      outputs: { next: `wait-${r}` },
    } as Step;
    all[`wait-${r}`] = {
      type: 'wait',
      name: `Wait a week (${r + 1})`,
      wait: { kind: 'duration', duration: 'P7D' },
      outputs: { next: `note-${r}` },
    } as Step;
    all[`note-${r}`] = {
      type: 'update',
      name: `Note week ${r + 1}`,
      set: [],
      addTags: [`week-${r + 1}`],
      removeTags: [],
      outputs: { next },
    } as Step;
    place(`ask-${r}`, r, 0);
    place(`thanks-${r}`, r, 1);
    place(`help-${r}`, r, 2);
    place(`wait-${r}`, r, 3);
    place(`note-${r}`, r, 4);
  }
  all.end = { type: 'end', name: 'Programme complete', outputs: {} } as Step;
  place('end', rounds, 0);
  return {
    schemaVersion: 2,
    name: `Weekly check-ins (${Object.keys(all).length} steps)`,
    attributes: {},
    settings: {
      timeZone: { source: 'patient', fallback: 'America/New_York' },
      quietHours: { start: '21:00', end: '08:00', channels: ['sms', 'voice'] },
      consentPurpose: 'adherence-support',
      smsSegmentBudget: 3,
    },
    start: 'ask-0',
    steps: all,
    layout: { steps: layout },
  } as JourneyDocument;
}
