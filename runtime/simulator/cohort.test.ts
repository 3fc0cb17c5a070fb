/** Cohorts: exact persona shares, counts that agree with the paths, identical output for identical input, streams independent of cohort size. */
import { describe, expect, it } from 'vitest';
import { assignPersonas, simulateCohort, type CohortResult } from './cohort.js';
import { formatSummary } from './summary.js';
import { firstDose, persona, START } from './test-journeys.js';

const yes = persona({
  id: 'yes',
  weight: 70,
  timeZone: 'America/Chicago',
  replies: [{ step: 'ask-first-dose', text: '1', after: 'PT2H' }],
});
const silent = persona({ id: 'silent', weight: 30 });
const mixed = persona({
  id: 'mixed',
  replies: [
    {
      choices: [
        { text: '1', probability: 0.6 },
        { text: '2', probability: 0.2 },
      ],
      after: 'PT3H',
    },
  ],
});

/** Recounts steps and edges from the paths, independently of the tally. */
function recount(cohort: CohortResult) {
  const steps: Record<string, number> = {};
  const edges: Record<string, number> = {};
  for (const r of cohort.results) {
    for (const e of r.path) {
      steps[e.step] = (steps[e.step] ?? 0) + 1;
      if (e.output) edges[`${e.step}:${e.output}`] = (edges[`${e.step}:${e.output}`] ?? 0) + 1;
    }
  }
  return { steps, edges };
}

describe('simulateCohort', () => {
  it('assigns personas by weight, exactly where the shares allow, interleaved', () => {
    const assigned = assignPersonas([yes, silent], 1000);
    expect(assigned.filter((i) => i === 0)).toHaveLength(700);
    expect(assigned.slice(0, 10).filter((i) => i === 1).length).toBe(3);
    expect(assignPersonas([yes, silent], 1000)).toEqual(assigned);
  });

  it('gives 1,000 patients of a 70/30 cohort counts consistent with their paths', () => {
    const cohort = simulateCohort(firstDose, [yes, silent], { patients: 1000, seed: 1, start: START });
    const { summary } = cohort;
    expect(summary).toMatchObject({
      patients: 1000,
      byStatus: { completed: 1000, running: 0, exited: 0, failed: 0 },
      byPersona: { yes: 700, silent: 300 },
    });
    const { steps, edges } = recount(cohort);
    expect(summary.stepCounts).toEqual(steps);
    expect(summary.edgeCounts).toEqual(edges);
    expect(summary.edgeCounts).toMatchObject({
      'welcome:next': 1000,
      'ask-first-dose:yes': 700,
      'ask-first-dose:timeout': 300,
    });
    expect(summary.edgeCounts['ask-first-dose:no']).toBeUndefined();
    // Every step entered is either left by an edge or is where the patient ended.
    for (const [step, entered] of Object.entries(summary.stepCounts)) {
      const left = Object.entries(summary.edgeCounts)
        .filter(([k]) => k.startsWith(`${step}:`))
        .reduce((a, [, n]) => a + n, 0);
      const endedThere = cohort.results.filter((r) => r.path.at(-1)!.step === step).length;
      expect(left + endedThere).toBe(entered);
    }
    expect(summary.messages).toBe(2000);
    expect(summary.durationMs).toMatchObject({ ended: 1000, max: 3 * 86_400_000 });
  });

  it('is identical for identical input, and differs for another seed', () => {
    const options = { patients: 300, seed: 'repeat', start: START };
    const a = simulateCohort(firstDose, [mixed, silent], options);
    expect(simulateCohort(firstDose, [mixed, silent], options)).toEqual(a);
    expect(JSON.stringify(simulateCohort(firstDose, [mixed, silent], options))).toBe(JSON.stringify(a));
    expect(simulateCohort(firstDose, [mixed, silent], { ...options, seed: 'other' }).summary.edgeCounts).not.toEqual(
      a.summary.edgeCounts,
    );
  });

  it('draws probabilistic replies in about their proportions', () => {
    const { summary } = simulateCohort(firstDose, [mixed], { patients: 2000, seed: 3, start: START });
    expect(summary.edgeCounts['ask-first-dose:yes']).toBeGreaterThan(1100);
    expect(summary.edgeCounts['ask-first-dose:yes']).toBeLessThan(1300);
    expect(summary.edgeCounts['ask-first-dose:no']).toBeGreaterThan(320);
    expect(summary.edgeCounts['ask-first-dose:no']).toBeLessThan(480);
  });

  it('gives a patient the same path in a small and a large cohort', () => {
    const small = simulateCohort(firstDose, [mixed], { patients: 20, seed: 9, start: START });
    const large = simulateCohort(firstDose, [mixed], { patients: 200, seed: 9, start: START });
    expect(large.results[16].path).toEqual(small.results[16].path);
  });

  it('spreads enrollments over a period, and can drop the paths', () => {
    const cohort = simulateCohort(firstDose, [silent], {
      patients: 10,
      seed: 1,
      start: START,
      enrollOver: 'P10D',
      keepPaths: false,
    });
    expect(cohort.results).toEqual([]);
    const kept = simulateCohort(firstDose, [silent], { patients: 10, seed: 1, start: START, enrollOver: 'P10D' });
    expect(kept.results.map((r) => r.startedAt.slice(0, 10))).toEqual(
      ['03', '04', '05', '06', '07', '08', '09', '10', '11', '12'].map((d) => `2025-03-${d}`),
    );
    expect(kept.results[0].patientId).toBe('patient-01');
  });

  it('prints every step, even one nobody reached, and every edge', () => {
    const cohort = simulateCohort(firstDose, [yes, silent], { patients: 10, seed: 1, start: START });
    const text = formatSummary(firstDose, cohort.summary, { wallMs: 12, seed: 1 }).join('\n');
    expect(text).toContain('First-dose check-in: 10 patients, seed 1');
    expect(text).toMatch(/end-follow-up\s+end\s+0\s+0\.0%/);
    expect(text).toMatch(/ask-first-dose:yes\s+end-well\s+7/);
    expect(text).toContain('wall time 12 ms');
  });
});
