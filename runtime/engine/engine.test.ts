import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { validateJourney } from '../../schema/validate.js';
import { applyEvent, initialState } from './engine.js';
import type { EngineEvent, EnrollmentState } from './types.js';

const journey = validateJourney(
  JSON.parse(
    readFileSync(new URL('../../examples/journeys/first-dose-check-in.journey.json', import.meta.url), 'utf8'),
  ),
).document!;
const DAY = 86_400_000;
const never = () => {
  throw new Error('this journey draws no random numbers');
};

function run(events: Array<[EngineEvent, number]>) {
  let state: EnrollmentState = initialState(0);
  const log = [];
  for (const [event, now] of events) {
    const t = applyEvent(journey, state, event, now, never);
    state = t.state;
    log.push(t);
  }
  return { state, log };
}

describe('engine on the first-dose journey', () => {
  it('sends, waits two days, asks, and follows the yes branch on "1"', () => {
    const { state, log } = run([
      [{ type: 'start' }, 0],
      [{ type: 'delivery', step: 'welcome', visit: 1, outcome: 'sent' }, 1000],
    ]);
    expect(log[0].commands).toContainEqual(expect.objectContaining({ type: 'send', step: 'welcome', channel: 'sms' }));
    expect(log[1].commands).toContainEqual({ type: 'start-timer', id: 't1', at: 1000 + 2 * DAY });
    const asked = applyEvent(journey, state, { type: 'timer', id: 't1' }, 1000 + 2 * DAY, never);
    expect(asked.commands).toContainEqual(expect.objectContaining({ type: 'send', step: 'ask-first-dose' }));
    const sent = applyEvent(
      journey,
      asked.state,
      { type: 'delivery', step: 'ask-first-dose', visit: 1, outcome: 'sent' },
      2 * DAY + 2000,
      never,
    );
    expect(sent.state.phase.kind).toBe('awaiting-reply');
    const replied = applyEvent(journey, sent.state, { type: 'reply', text: ' 1 ' }, 2 * DAY + 3000, never);
    expect(replied.state.status).toBe('completed');
    expect(replied.state.path.map((p) => [p.step, p.output])).toEqual([
      ['welcome', 'next'],
      ['wait-two-days', 'next'],
      ['ask-first-dose', 'yes'],
      ['end-well', undefined],
    ]);
    expect(replied.commands).toContainEqual({ type: 'cancel-timer', id: 't2' });
    expect(replied.commands).toContainEqual({ type: 'complete' });
  });

  it('takes the timeout output when nobody answers, and ignores an unmatched reply', () => {
    let { state } = run([
      [{ type: 'start' }, 0],
      [{ type: 'delivery', step: 'welcome', visit: 1, outcome: 'sent' }, 0],
    ]);
    state = applyEvent(journey, state, { type: 'timer', id: 't1' }, 2 * DAY, never).state;
    state = applyEvent(
      journey,
      state,
      { type: 'delivery', step: 'ask-first-dose', visit: 1, outcome: 'sent' },
      2 * DAY,
      never,
    ).state;
    const unmatched = applyEvent(journey, state, { type: 'reply', text: 'maybe' }, 2 * DAY + 5, never);
    expect(unmatched.applied).toBe(false);
    expect(unmatched.state).toBe(state);
    const timedOut = applyEvent(journey, state, { type: 'timer', id: 't2' }, 3 * DAY, never);
    expect(timedOut.state.status).toBe('completed');
    expect(timedOut.state.path.at(-1)!.step).toBe('end-no-reply');
  });

  it('ignores stale timers and replies nobody awaits, and exits at once on request', () => {
    const { state } = run([
      [{ type: 'start' }, 0],
      [{ type: 'delivery', step: 'welcome', visit: 1, outcome: 'sent' }, 0],
    ]);
    expect(applyEvent(journey, state, { type: 'timer', id: 't99' }, 5, never).applied).toBe(false);
    expect(applyEvent(journey, state, { type: 'reply', text: '1' }, 5, never).applied).toBe(false);
    const exited = applyEvent(journey, state, { type: 'exit', reason: 'opted out' }, 10, never);
    expect(exited.state.status).toBe('exited');
    expect(exited.state.timers).toEqual([]);
    expect(exited.commands).toEqual([
      { type: 'cancel-timer', id: 't1' },
      { type: 'exit', reason: 'opted out' },
    ]);
    expect(applyEvent(journey, exited.state, { type: 'reply', text: '1' }, 11, never).applied).toBe(false);
  });

  it('fails the enrollment when a send fails and no failed output is connected', () => {
    const { state } = run([
      [{ type: 'start' }, 0],
      [{ type: 'delivery', step: 'welcome', visit: 1, outcome: 'failed', error: 'bad number' }, 1],
    ]);
    expect(state.status).toBe('failed');
    expect(state.reason).toContain('bad number');
  });
});
