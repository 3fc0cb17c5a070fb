/** Journeys and personas the simulator's tests share: the checked-in first-dose example, and small journeys built in code. */
import firstDoseJson from '../../examples/journeys/first-dose-check-in.journey.json';
import injectionAnxiety from '../../examples/questionnaires/injection-anxiety.json';
import type { JourneyDocument, JourneyDocumentInput } from '../../schema/document.js';
import { validateJourney } from '../../schema/validate.js';
import { Persona, type PersonaInput } from './personas.js';

/** A validated journey; throws with every problem so a broken fixture says why. */
export function journey(input: unknown): JourneyDocument {
  const result = validateJourney(input);
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.pointer} ${p.code}: ${p.message}`).join('\n'));
  return result.document;
}

export const firstDose = journey(firstDoseJson);

export const persona = (input: PersonaInput): Persona => Persona.parse(input);

/** Monday 3 March 2025, 15:00 UTC: 10:00 in New York, 09:00 in Chicago. */
export const START = Date.parse('2025-03-03T15:00:00Z');

const sms = { channel: 'sms', connector: 'dev' } as const;

/** A chain of `n` monthly waits between two messages: months of virtual time without loops. */
export function monthlyChain(n: number): JourneyDocument {
  const steps: JourneyDocumentInput['steps'] = {
    hello: { type: 'message', ...sms, template: 'Hello', outputs: { next: 'wait-1' } },
  };
  for (let i = 1; i <= n; i++)
    steps[`wait-${i}`] = {
      type: 'wait',
      wait: { kind: 'duration', duration: 'P30D' },
      outputs: { next: i < n ? `wait-${i + 1}` : 'bye' },
    };
  steps.bye = { type: 'message', ...sms, template: 'Bye', outputs: { next: 'end' } };
  steps.end = { type: 'end', outputs: {} };
  return journey({
    schemaVersion: 2,
    name: 'Monthly chain',
    settings: { consentPurpose: 'adherence-support' },
    start: 'hello',
    steps,
  });
}

/** The first-dose journey with the welcome message's `failed` output connected to its own end. */
export function firstDoseWithFallback(): JourneyDocument {
  const copy = JSON.parse(JSON.stringify(firstDoseJson));
  copy.steps.welcome.outputs.failed = 'end-undelivered';
  copy.steps['end-undelivered'] = { type: 'end', outputs: {} };
  return journey(copy);
}

/**
 * Every pausing step type in one journey: an assessment (SMS or web form), a score split, a nurse task, a monthly
 * loop with a cap, a wait for an event, a goal, and an exit criterion.
 */
export function catalogue(delivery: 'sms' | 'web-link' = 'sms'): JourneyDocument {
  return journey({
    schemaVersion: 2,
    name: 'Catalogue',
    events: { refill: { fields: {} }, 'therapy.discontinued': { fields: {} } },
    exitCriteria: [{ id: 'discontinued', label: 'therapy discontinued', event: 'therapy.discontinued' }],
    settings: { consentPurpose: 'adherence-support' },
    start: 'anxiety',
    steps: {
      anxiety: {
        type: 'assessment',
        questionnaire: injectionAnxiety,
        delivery,
        channel: 'sms',
        connector: 'dev',
        timeout: 'P2D',
        ...(delivery === 'web-link' ? { intro: 'Please fill in {{ assessment.link }}' } : {}),
        outputs: { completed: 'by-score', timeout: 'end-silent', declined: 'end-declined' },
      },
      'by-score': {
        type: 'split',
        split: {
          mode: 'bands',
          bands: [
            { id: 'low', min: 0, max: 4 },
            { id: 'high', min: 5, max: 9 },
          ],
        },
        outputs: { low: 'monthly-wait', high: 'nurse-call' },
      },
      'nurse-call': {
        type: 'task',
        queue: 'nurses',
        title: 'Call about injection anxiety',
        outcomes: [{ id: 'reached' }, { id: 'not-reached' }],
        deadline: 'PT8H',
        outputs: { reached: 'monthly-wait', 'not-reached': 'monthly-wait', escalated: 'monthly-wait' },
      },
      'monthly-wait': {
        type: 'wait',
        wait: { kind: 'duration', duration: 'P30D' },
        outputs: { next: 'monthly-check' },
      },
      'monthly-check': {
        type: 'message',
        ...sms,
        template: 'All well? Reply 1',
        maxVisits: 6,
        await: { classes: [{ id: 'ok', match: ['1'] }], timeout: 'P1D' },
        outputs: { ok: 'monthly-wait', timeout: 'monthly-wait', capped: 'await-refill' },
      },
      'await-refill': {
        type: 'wait-for-event',
        event: 'refill',
        timeout: 'P7D',
        outputs: { received: 'refilled', timeout: 'end-no-refill' },
      },
      refilled: { type: 'goal', goal: 'refilled', outputs: { next: 'end-refilled' } },
      'end-silent': { type: 'end' },
      'end-declined': { type: 'end' },
      'end-no-refill': { type: 'end' },
      'end-refilled': { type: 'end' },
    },
  });
}

/** An A/B split straight after enrollment: the engine's draw comes from the patient's stream. */
export const abTest = journey({
  schemaVersion: 2,
  name: 'A/B',
  settings: { consentPurpose: 'adherence-support' },
  start: 'ab',
  steps: {
    ab: {
      type: 'split',
      split: {
        mode: 'random',
        variants: [
          { id: 'a', percent: 50 },
          { id: 'b', percent: 50 },
        ],
      },
      outputs: { a: 'end-a', b: 'end-b' },
    },
    'end-a': { type: 'end' },
    'end-b': { type: 'end' },
  },
});
