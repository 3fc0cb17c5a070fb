/** One patient on the virtual clock: replies, silence, late replies, failed sends, scheduled exits, months-long waits and the guards. */
import { describe, expect, it } from 'vitest';
import { simulatePatient } from './simulate.js';
import { silentPersona } from './personas.js';
import { firstDose, firstDoseWithFallback, monthlyChain, persona, START } from './test-journeys.js';

const DAY = 86_400_000;
const run = (p = silentPersona, journey = firstDose, extra = {}) =>
  simulatePatient(journey, p, { start: START, seed: 42, ...extra });
const stepsOf = (result: ReturnType<typeof run>) =>
  result.path.map((e) => (e.output ? `${e.step}:${e.output}` : e.step));

describe('simulatePatient on the first-dose example', () => {
  it('follows `yes` for a persona that replies "1", with times on the patient\'s clock', () => {
    const result = run(
      persona({
        id: 'yes',
        timeZone: 'America/Chicago',
        replies: [{ step: 'ask-first-dose', text: '1', after: 'PT2H' }],
      }),
    );
    expect(result).toMatchObject({
      personaId: 'yes',
      status: 'completed',
      messages: 2,
      ignored: 0,
      timeZone: 'America/Chicago',
    });
    expect(stepsOf(result)).toEqual(['welcome:next', 'wait-two-days:next', 'ask-first-dose:yes', 'end-well']);
    const ask = result.path[2];
    expect(ask).toMatchObject({
      enteredAt: '2025-03-05T15:00:00.000Z',
      enteredLocal: '2025-03-05 09:00 CST',
      leftAt: '2025-03-05T17:00:00.000Z',
      leftLocal: '2025-03-05 11:00 CST',
      detail: 'replied "1"',
    });
    expect(result.endedAt).toBe('2025-03-05T17:00:00.000Z');
  });

  it('follows `timeout` for a silent persona', () => {
    const result = run();
    expect(stepsOf(result)).toEqual(['welcome:next', 'wait-two-days:next', 'ask-first-dose:timeout', 'end-no-reply']);
    expect(result.endedAt).toBe(new Date(START + 3 * DAY).toISOString());
    // No persona zone: the journey's fallback zone.
    expect(result.path[0].enteredLocal).toBe('2025-03-03 10:00 EST');
  });

  it('follows `no` for "2", and a wildcard rule applies to every awaiting step', () => {
    expect(stepsOf(run(persona({ id: 'no', replies: [{ text: '2' }] })))).toContain('ask-first-dose:no');
  });

  it('drops a reply that comes after the timeout: the journey has moved on', () => {
    const result = run(persona({ id: 'late', replies: [{ text: '1', after: 'P2D' }] }));
    expect(stepsOf(result)).toContain('ask-first-dose:timeout');
    expect(result.ignored).toBe(0);
  });

  it('lets a reply outside the reply classes be ignored by the engine, then times out', () => {
    const result = run(persona({ id: 'chatty', replies: [{ text: 'what?' }] }));
    expect(stepsOf(result)).toContain('ask-first-dose:timeout');
    expect(result.ignored).toBe(1);
  });

  it('fails the enrollment when a send fails and `failed` is not connected', () => {
    const result = run(
      persona({ id: 'unreachable', failures: [{ step: 'welcome', fail: true, error: 'number disconnected' }] }),
    );
    expect(result).toMatchObject({ status: 'failed', failedDeliveries: 1 });
    expect(result.reason).toContain('number disconnected');
  });

  it('takes `failed` when it is connected, and only on the channel named', () => {
    const journey = firstDoseWithFallback();
    expect(stepsOf(run(persona({ id: 'x', failures: [{ channel: 'sms', fail: true }] }), journey))).toEqual([
      'welcome:failed',
      'end-undelivered',
    ]);
    expect(run(persona({ id: 'y', failures: [{ channel: 'email', fail: true }] }), journey).failedDeliveries).toBe(0);
  });

  it('exits when the persona asks to, even inside a wait', () => {
    const result = run(persona({ id: 'quitter', events: [{ exit: 'opted out', after: 'P1D' }] }));
    expect(result).toMatchObject({
      status: 'exited',
      reason: 'opted out',
      endedAt: new Date(START + DAY).toISOString(),
    });
    expect(stepsOf(result)).toEqual(['welcome:next', 'wait-two-days']);
  });

  it('is deterministic for a seed, whatever the persona draws', () => {
    const coinFlip = persona({
      id: 'coin',
      replies: [
        {
          choices: [
            { text: '1', probability: 0.5 },
            { text: '2', probability: 0.5 },
          ],
        },
      ],
    });
    const outputs = (seed: number) =>
      Array.from(
        { length: 40 },
        (_, i) => simulatePatient(firstDose, coinFlip, { start: START, seed, patientIndex: i }).path[2].output,
      );
    expect(outputs(1)).toEqual(outputs(1));
    expect(outputs(1)).not.toEqual(outputs(2));
    expect(new Set(outputs(1))).toEqual(new Set(['yes', 'no']));
  });
});

describe('simulatePatient over months', () => {
  it('fast-forwards a year of monthly waits', () => {
    const result = run(silentPersona, monthlyChain(12));
    expect(result.status).toBe('completed');
    expect(result.path).toHaveLength(15);
    expect(Date.parse(result.endedAt!) - START).toBe(360 * DAY);
    // Local times follow daylight saving: 10:00 EST in March becomes 11:00 EDT a month later.
    expect(result.path[2]).toMatchObject({ step: 'wait-2', enteredLocal: '2025-04-02 11:00 EDT' });
  });

  it('stops at the horizon with the enrollment still running', () => {
    const result = run(silentPersona, monthlyChain(12), { horizon: 'P90D' });
    expect(result).toMatchObject({ status: 'running', stoppedBy: 'horizon' });
    expect(result.endedAt).toBeUndefined();
    expect(result.path.at(-1)).toMatchObject({ step: 'wait-4' });
  });

  it('stops after maxEvents', () => {
    const result = run(silentPersona, monthlyChain(12), { maxEvents: 3 });
    expect(result).toMatchObject({ status: 'running', stoppedBy: 'max-events', events: 3 });
  });
});
