/** The whole step catalogue on the virtual clock: assessments (SMS and web form), tasks, a capped monthly loop, events, goals, exits, quiet hours, A/B. */
import { describe, expect, it } from 'vitest';
import { simulateCohort } from './cohort.js';
import { simulatePatient } from './simulate.js';
import { abTest, catalogue, firstDose, persona, START } from './test-journeys.js';
import type { PersonaInput } from './personas.js';

const DAY = 86_400_000;
const run = (input: PersonaInput, journey = catalogue(), start = START) =>
  simulatePatient(journey, persona(input), { start, seed: 5 });
const edges = (result: ReturnType<typeof run>) =>
  result.path.filter((e) => e.output).map((e) => `${e.step}:${e.output}`);

describe('simulator over the full catalogue', () => {
  const calm = {
    id: 'calm',
    answers: [{ answers: { '*': '0' } }],
    replies: [{ step: 'monthly-check', text: '1' }],
    events: [{ name: 'refill', after: 'P212D' }],
  };

  it('answers an SMS assessment question by question, loops monthly to the cap, then converts on an event', () => {
    const result = run(calm);
    expect(result.status).toBe('completed');
    expect(edges(result).slice(0, 2)).toEqual(['anxiety:completed', 'by-score:low']);
    expect(result.path[0].detail).toBe('score 0');
    const checks = result.path.filter((e) => e.step === 'monthly-check');
    expect(checks.map((e) => e.output)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'capped']);
    expect(edges(result).slice(-2)).toEqual(['await-refill:received', 'refilled:next']);
    expect(result.goals).toEqual(['refilled']);
    // Seven 30-day waits (the seventh check is the capped one), then the refill on day 212.
    expect(Date.parse(result.endedAt!) - START).toBe(212 * DAY);
    expect(result.path.find((e) => e.step === 'await-refill')!.enteredAt).toBe(
      new Date(START + 210 * DAY + 7.5 * 3_600_000).toISOString(),
    );
  });

  it('sends a high scorer to the nurse, whose outcome the persona scripts', () => {
    const result = run({
      id: 'anxious',
      answers: [{ answers: { '*': '3' } }],
      taskOutcomes: [{ step: 'nurse-call', outcome: 'reached', after: 'PT2H' }],
    });
    expect(edges(result).slice(0, 3)).toEqual(['anxiety:completed', 'by-score:high', 'nurse-call:reached']);
    expect(result.tasks).toBe(1);
  });

  it('escalates a task nobody works, and times out a silent patient', () => {
    expect(edges(run({ id: 'anxious', answers: [{ answers: { '*': '3' } }] }))).toContain('nurse-call:escalated');
    expect(edges(run({ id: 'silent' }))).toEqual(['anxiety:timeout']);
  });

  it("declines with the step's decline word, by SMS and on the web form", () => {
    expect(edges(run({ id: 'no', answers: [{ decline: true }] }))).toEqual(['anxiety:declined']);
    expect(edges(run({ id: 'no', answers: [{ decline: true }] }, catalogue('web-link')))).toEqual(['anxiety:declined']);
  });

  it('asks again after an invalid answer, then skips the question', () => {
    const result = run({ id: 'confused', answers: [{ answers: { '*': '0', 'ia-worry': '7' } }] });
    expect(result.path[0]).toMatchObject({ output: 'completed' });
    expect(result.path[0].detail).toContain('unanswered');
  });

  it('submits the web form in one go, read like SMS replies', () => {
    const result = run(
      { id: 'web', answers: [{ step: 'anxiety', answers: { '*': '3' }, after: 'PT5H' }] },
      catalogue('web-link'),
    );
    expect(result.path[0]).toMatchObject({
      output: 'completed',
      leftAt: new Date(START + 5 * 3_600_000).toISOString(),
    });
    expect(result.path[0].detail).toMatch(/^score [1-9]/);
  });

  it('exits on an exit criterion met by a scheduled event, mid-wait', () => {
    const result = run({ ...calm, events: [{ name: 'therapy.discontinued', after: 'P45D' }] });
    expect(result).toMatchObject({
      status: 'exited',
      reason: 'therapy discontinued',
      endedAt: new Date(START + 45 * DAY).toISOString(),
    });
  });

  it('repeats scheduled events and draws their probability from the patient stream', () => {
    // The refill arrives monthly from day 1; only the one during await-refill (day 211) moves the journey on.
    const result = run({ ...calm, events: [{ name: 'refill', after: 'P1D', every: 'P30D' }] });
    expect(result.goals).toEqual(['refilled']);
    expect(result.ignored).toBeGreaterThan(0);
  });

  it("holds an SMS back through quiet hours in the patient's zone", () => {
    const lateEvening = Date.parse('2025-03-04T03:00:00Z'); // 22:00 in New York
    const result = simulatePatient(firstDose, persona({ id: 'ny', timeZone: 'America/New_York' }), {
      start: lateEvening,
      seed: 1,
    });
    expect(result.path[0]).toMatchObject({
      step: 'welcome',
      enteredLocal: '2025-03-03 22:00 EST',
      leftLocal: '2025-03-04 08:00 EST',
    });
  });

  it("splits an A/B test by the patient's stream: about half each, the same for the same seed", () => {
    const options = { patients: 1000, seed: 11, start: START };
    const a = simulateCohort(abTest, [persona({ id: 'p' })], options).summary;
    expect(a.edgeCounts['ab:a']).toBeGreaterThan(430);
    expect(a.edgeCounts['ab:a']).toBeLessThan(570);
    expect(a.edgeCounts['ab:a'] + a.edgeCounts['ab:b']).toBe(1000);
    expect(simulateCohort(abTest, [persona({ id: 'p' })], options).summary).toEqual(a);
  });
});
