/** The benchmark's scenario as a test: the pharmacy-refill example with the bench personas, counts that add up, dates from attributes. */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { simulateCohort } from './cohort.js';
import { parsePersonas } from './personas.js';
import { journey, START } from './test-journeys.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const refill = journey(JSON.parse(readFileSync(join(root, 'examples/journeys/pharmacy-refill.journey.json'), 'utf8')));
const parsed = parsePersonas(JSON.parse(readFileSync(join(root, 'test/bench/refill-personas.json'), 'utf8')));
if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
const personas = parsed.personas;

describe('pharmacy refill with the bench personas', () => {
  const cohort = simulateCohort(refill, personas, { patients: 500, seed: 1, start: START });

  it('splits the cohort 60/20/20 and routes each persona as scripted', () => {
    const { summary } = cohort;
    expect(summary.byPersona).toEqual({ 'refills-on-request': 300, silent: 100, 'wants-pharmacist': 100 });
    expect(summary.edgeCounts['ask-refill:refill']).toBe(300);
    expect(summary.edgeCounts['ask-refill:pharmacist']).toBe(100);
    // Silent patients time out, unless they opted out first.
    expect(summary.edgeCounts['ask-refill:timeout'] + (summary.reasons['opted-out'] ?? 0)).toBeGreaterThanOrEqual(100);
    expect(summary.byStatus.running).toBe(0);
  });

  it('counts each step entered as left by an edge or ended there', () => {
    const { summary, results } = cohort;
    for (const [step, entered] of Object.entries(summary.stepCounts)) {
      const left = Object.entries(summary.edgeCounts)
        .filter(([edge]) => edge.startsWith(`${step}:`))
        .reduce((sum, [, n]) => sum + n, 0);
      expect(left + results.filter((r) => r.path.at(-1)!.step === step).length).toBe(entered);
    }
    expect(summary.goals['refill-picked-up']).toBe(results.filter((r) => r.goals.includes('refill-picked-up')).length);
  });

  it("asks three days before the refill date, at 10:00 on the patient's clock", () => {
    const patient = cohort.results.find((r) => r.personaId === 'refills-on-request')!;
    // Enrolled 3 March; due 17 March; asked 14 March, after the switch to daylight saving time.
    expect(patient.path[1]).toMatchObject({ step: 'ask-refill', enteredLocal: '2025-03-14 10:00 EDT' });
    const ca = cohort.results.find((r) => r.personaId === 'silent' && r.status === 'completed')!;
    expect(ca.path[1].enteredLocal).toBe('2025-03-14 10:00 PDT');
  });
});
