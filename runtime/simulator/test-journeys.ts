/** Journeys and personas the simulator's tests share: the checked-in first-dose example, and small journeys built in code. */
import firstDoseJson from '../../examples/journeys/first-dose-check-in.journey.json';
import { JourneyDocument, type JourneyDocumentInput } from '../../schema/document.js';
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
  const steps: JourneyDocumentInput['steps'] = { hello: { type: 'message', ...sms, template: 'Hello', outputs: { next: 'wait-1' } } };
  for (let i = 1; i <= n; i++) steps[`wait-${i}`] = { type: 'wait', wait: { kind: 'duration', duration: 'P30D' }, outputs: { next: i < n ? `wait-${i + 1}` : 'bye' } };
  steps.bye = { type: 'message', ...sms, template: 'Bye', outputs: { next: 'end' } };
  steps.end = { type: 'end', outputs: {} };
  return journey({ schemaVersion: 2, name: 'Monthly chain', settings: { consentPurpose: 'adherence-support' }, start: 'hello', steps });
}

/** The first-dose journey with the welcome message's `failed` output connected to its own end. */
export function firstDoseWithFallback(): JourneyDocument {
  const copy = JSON.parse(JSON.stringify(firstDoseJson));
  copy.steps.welcome.outputs.failed = 'end-undelivered';
  copy.steps['end-undelivered'] = { type: 'end', outputs: {} };
  return journey(copy);
}
