/** Personas built from the Simulate panel's rows drive every example journey's replies, answers and tasks as the rows say. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { prepareDefinition } from '../../runtime/engine/definition.js';
import { simulateCohort } from '../../runtime/simulator/index.js';
import { defaultMixes, personaFor, type PersonaMix } from './persona-mix.js';
import { simulatedCounts } from './simulation-overlay.js';

const example = (name: string) =>
  prepareDefinition(
    JSON.parse(readFileSync(new URL(`../../examples/journeys/${name}.journey.json`, import.meta.url), 'utf8')),
  );
const start = Date.parse('2026-01-05T15:00:00Z');
const mix = (patch: Partial<PersonaMix>): PersonaMix => ({
  id: 'p',
  weight: 1,
  replyRate: 1,
  replyAfter: 'PT1H',
  leaning: 'first',
  ...patch,
});

describe('personaFor', () => {
  it('answers every awaiting message in the chosen reply class, or stays silent', () => {
    const journey = example('first-dose-check-in');
    const run = (m: PersonaMix) =>
      simulateCohort(journey, [personaFor(journey, m)], { patients: 20, seed: 1, start }).summary.edgeCounts;
    expect(run(mix({ leaning: 'first' }))).toMatchObject({ 'ask-first-dose:yes': 20 });
    expect(run(mix({ leaning: 'last' }))['ask-first-dose:yes']).toBeUndefined();
    expect(run(mix({ replyRate: 0 }))).toMatchObject({ 'ask-first-dose:timeout': 20 });
  });

  it('fills declared attributes (dates relative to enrollment) and answers assessments and tasks', () => {
    const refill = example('pharmacy-refill');
    const persona = personaFor(refill, mix({}));
    for (const [name, declaration] of Object.entries(refill.attributes ?? {}))
      expect(persona.attributes[name], name).toEqual(
        declaration.type === 'date' ? { fromStart: 'P14D' } : expect.anything(),
      );
    const phq9 = example('phq-9-check-in');
    const scored = (m: PersonaMix) =>
      simulateCohort(phq9, [personaFor(phq9, m)], { patients: 3, seed: 1, start, horizon: 'P10D' }).summary.edgeCounts;
    // The first option of every PHQ-9 item scores 0, the last 3: the severity split follows the leaning.
    expect(scored(mix({ leaning: 'first' }))).toMatchObject({ 'phq-9:completed': 3, 'severity:minimal': 3 });
    expect(scored(mix({ leaning: 'last' }))['severity:minimal']).toBeUndefined();
    expect(scored(mix({ replyRate: 0 }))['phq-9:completed']).toBeUndefined();
  });

  it('splits a cohort by the default mix and keys edge counts as the canvas does', () => {
    const journey = example('first-dose-check-in');
    const personas = defaultMixes.map((m) => personaFor(journey, m));
    const { summary } = simulateCohort(journey, personas, { patients: 200, seed: 7, start });
    expect(summary.byPersona).toEqual({ engaged: 120, hesitant: 50, silent: 30 });
    const counts = simulatedCounts(summary);
    expect(counts.atStep.welcome).toBe(200);
    expect(counts.passed['welcome.next']).toBe(200);
    const answered = counts.passed['ask-first-dose.yes'] ?? 0;
    expect(answered + (counts.passed['ask-first-dose.no'] ?? 0) + counts.passed['ask-first-dose.timeout']).toBe(200);
    expect(counts.passed['ask-first-dose.timeout']).toBeGreaterThanOrEqual(30);
  });
});
