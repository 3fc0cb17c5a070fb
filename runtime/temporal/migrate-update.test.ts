/** The migrate Update's rules as pure functions: when the workflow refuses a move, and the state the new version starts from. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { JourneyDocument } from '../../schema/document.js';
import { prepareDefinition } from '../engine/definition.js';
import { applyEvent, initialState } from '../engine/engine.js';
import type { EngineEvent, EnrollmentState } from '../engine/types.js';
import { carriedState, enterMigratedStep, migrateRefusal, migrationOf, type MigrateRequest } from './migrate-update.js';

const v1 = prepareDefinition(
  JSON.parse(
    readFileSync(new URL('../../examples/journeys/first-dose-check-in.journey.json', import.meta.url), 'utf8'),
  ),
);
/** Version 2 asks a reworded question instead of the old one. */
const v2 = prepareDefinition({
  ...v1,
  steps: {
    ...v1.steps,
    'wait-two-days': { ...v1.steps['wait-two-days'], outputs: { next: 'ask-v2' } },
    'ask-v2': { ...v1.steps['ask-first-dose'], template: 'How did your first dose go? Reply 1 or 2.' },
  },
} as JourneyDocument);

/** Runs v1 from the start through the welcome SMS's delivery: the patient is then waiting two days. */
function waitingTwoDays(): EnrollmentState {
  let state = initialState(0, { plan: 'gold' }, 'America/New_York');
  const events: EngineEvent[] = [{ type: 'start' }, { type: 'delivery', step: 'welcome', visit: 1, outcome: 'sent' }];
  for (const event of events) state = applyEvent(v1, state, event, 1_000, () => 0.5).state;
  expect(state.phase).toMatchObject({ kind: 'waiting', step: 'wait-two-days' });
  return state;
}

const request: MigrateRequest = {
  migrationId: 'mig_1',
  fromVersionId: 'ver_1',
  toVersionId: 'ver_2',
  toSteps: Object.keys(v2.steps),
  targets: { 'wait-two-days': { to: 'ask-v2', keep: false }, 'ask-first-dose': { to: 'ask-v2', keep: false } },
};
const idle = { versionId: 'ver_1', queued: [], sendsInFlight: 0, updatesInFlight: 0 };

describe('migrateRefusal', () => {
  it('admits a patient paused in a mapped step with nothing in flight, and a repeat once on the target version', () => {
    expect(migrateRefusal(waitingTwoDays(), idle, request)).toBeUndefined();
    expect(migrateRefusal(waitingTwoDays(), { ...idle, versionId: 'ver_2' }, request)).toBeUndefined();
  });

  it('refuses an ended enrollment, another version, a send or an event in flight, and a step without a target', () => {
    const state = waitingTwoDays();
    expect(migrateRefusal({ ...state, status: 'exited' }, idle, request)).toBe('The enrollment has ended (exited).');
    expect(migrateRefusal(state, { ...idle, versionId: 'ver_0' }, request)).toBe(
      'The enrollment runs version ver_0, not ver_1 as the migration expects.',
    );
    expect(migrateRefusal(state, { ...idle, sendsInFlight: 1 }, request)).toContain('A message is being sent');
    expect(
      migrateRefusal({ ...state, phase: { kind: 'sending', step: 'welcome', visit: 1 } }, idle, request),
    ).toContain('A message is being sent');
    expect(migrateRefusal(state, { ...idle, queued: [{ type: 'timer', id: 't1' }] }, request)).toContain(
      'handling a reply, a timer or a task outcome',
    );
    expect(migrateRefusal(state, { ...idle, updatesInFlight: 1 }, request)).toContain('handling a reply');
    expect(migrateRefusal(state, idle, { ...request, targets: {} })).toBe(
      'Step "wait-two-days" has no target in the mapping.',
    );
  });

  it('refuses a target step version 2 does not have, by its step ids or, in older requests, by its document', () => {
    const state = waitingTwoDays();
    const targets = { 'wait-two-days': { to: 'constructor', keep: false } };
    const refusal = 'Step "constructor" does not exist in version ver_2.';
    expect(migrateRefusal(state, idle, { ...request, targets })).toBe(refusal);
    const { toSteps: _steps, ...older } = request;
    expect(migrateRefusal(state, idle, { ...older, definition: v2, targets })).toBe(refusal);
    expect(migrateRefusal(state, idle, { ...older, definition: v2 })).toBeUndefined();
  });

  it('refuses a patient part-way through an assessment, and admits one who has not answered yet', () => {
    const assessing: EnrollmentState = {
      ...waitingTwoDays(),
      phase: {
        kind: 'assessing',
        step: 'check',
        visit: 1,
        timerId: 't',
        deadline: 9,
        question: 'q2',
        reasked: false,
        skipped: [],
      },
      answers: { q1: 2 },
    };
    const targets = { check: { to: 'ask-v2', keep: false } };
    expect(migrateRefusal(assessing, idle, { ...request, targets })).toBe(
      'Mid-assessment at step "check": 1 answer(s) given; moving now would lose them.',
    );
    expect(migrateRefusal({ ...assessing, answers: {} }, idle, { ...request, targets })).toBeUndefined();
  });
});

describe('the state on the new version', () => {
  it('a kept step carries the state as it is, its timer included', () => {
    const state = waitingTwoDays();
    const kept = migrationOf(state, { ...request, targets: { 'wait-two-days': { to: 'wait-two-days', keep: true } } });
    expect(kept).toMatchObject({ fromStep: 'wait-two-days', toStep: 'wait-two-days', kept: true });
    expect(carriedState(state, kept, 5_000)).toBe(state);
  });

  it('an entered step starts afresh on the new version: its message goes out, attributes and the path so far stay', () => {
    const state = waitingTwoDays();
    const migration = migrationOf(state, request);
    const carried = carriedState(state, migration, 5_000);
    expect(carried.timers).toEqual([]);
    expect(carried.path.at(-1)).toMatchObject({
      step: 'wait-two-days',
      leftAt: 5_000,
      detail: 'moved to a new version of the journey',
    });
    const entered = enterMigratedStep(v2, carried, migration, 5_000, () => 0.5);
    expect(entered.applied).toBe(true);
    expect(entered.state.path.map((p) => p.step)).toEqual(['welcome', 'wait-two-days', 'ask-v2']);
    expect(entered.state.attributes).toEqual({ plan: 'gold' });
    expect(entered.commands).toContainEqual(
      expect.objectContaining({ type: 'send', step: 'ask-v2', template: 'How did your first dose go? Reply 1 or 2.' }),
    );
  });

  it('a patient waiting on a nurse task who enters another step has that task closed', () => {
    const onTask: EnrollmentState = {
      ...waitingTwoDays(),
      phase: { kind: 'awaiting-task', step: 'call', visit: 2, timerId: 't', deadline: 9 },
    };
    const migration = migrationOf(onTask, { ...request, targets: { call: { to: 'ask-v2', keep: false } } });
    const entered = enterMigratedStep(v2, carriedState(onTask, migration, 5_000), migration, 5_000, () => 0.5);
    expect(entered.commands[0]).toEqual({
      type: 'close-task',
      step: 'call',
      visit: 2,
      outcome: 'moved-to-new-version',
    });
  });
});
