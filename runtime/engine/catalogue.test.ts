import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import { validateJourney } from '../../schema/validate.js';
import type { JourneyDocument } from '../../schema/document.js';
import { applyEvent, initialState } from './engine.js';
import type { EngineCommand, EngineEvent, EnrollmentState } from './types.js';

const example = (name: string) => {
  const result = validateJourney(
    JSON.parse(readFileSync(new URL(`../../examples/journeys/${name}.journey.json`, import.meta.url), 'utf8')),
  );
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.document;
};
const ny = (iso: string) => DateTime.fromISO(iso, { zone: 'America/New_York' }).toMillis();

/** A minimal host: applies events at given times, remembers armed timers, and answers sends as delivered. */
class Host {
  state: EnrollmentState;
  log: Array<{ at: number; command: EngineCommand }> = [];
  constructor(
    readonly journey: JourneyDocument,
    public now: number,
    attributes: Record<string, unknown> = {},
    zone = 'America/New_York',
    readonly random = () => 0.5,
  ) {
    this.state = initialState(now, attributes, zone);
  }
  apply(event: EngineEvent) {
    const t = applyEvent(this.journey, this.state, event, this.now, this.random);
    this.state = t.state;
    for (const command of t.commands) this.log.push({ at: this.now, command });
    // Sends are delivered at once, as a healthy provider would.
    for (const command of t.commands)
      if (command.type === 'send' && this.state.phase.kind === 'sending')
        this.apply({ type: 'delivery', step: command.step, visit: command.visit, outcome: 'sent' });
    return t;
  }
  /** Advances the clock to the earliest armed timer and fires it. */
  fireNextTimer() {
    const next = [...this.state.timers].sort((a, b) => a.at - b.at)[0];
    if (!next) throw new Error('no timer armed');
    this.now = next.at;
    return this.apply({ type: 'timer', id: next.id });
  }
  sends() {
    return this.log.filter((e) => e.command.type === 'send') as Array<{
      at: number;
      command: Extract<EngineCommand, { type: 'send' }>;
    }>;
  }
}

describe('pharmacy refill', () => {
  const journey = example('pharmacy-refill');

  it('asks three days before the refill date at 10:00 local, and a reply of 1 sends the refill request and a confirmation', () => {
    const host = new Host(journey, ny('2026-04-01T12:00'), {
      refillDueDate: '2026-04-10',
      pharmacyName: 'Main St Pharmacy',
    });
    host.apply({ type: 'start' });
    host.fireNextTimer();
    expect(DateTime.fromMillis(host.now, { zone: 'America/New_York' }).toFormat('yyyy-MM-dd HH:mm')).toBe(
      '2026-04-07 10:00',
    );
    expect(host.sends().at(-1)!.command.step).toBe('ask-refill');
    host.apply({ type: 'reply', text: ' 1 ' });
    expect(host.sends().map((s) => [s.command.step, s.command.channel])).toEqual([
      ['ask-refill', 'sms'],
      ['refill-request', 'webhook'],
      ['refill-confirmation', 'sms'],
    ]);
    expect(host.state.phase).toMatchObject({ kind: 'awaiting-event', event: 'refill.picked-up' });
    host.apply({ type: 'event', name: 'refill.picked-up', payload: { pharmacy: 'Main St' } });
    expect(host.state.status).toBe('completed');
    expect(host.state.goals).toEqual(['refill-picked-up']);
  });

  it('calls by voice after 48 hours of silence, and creates a pharmacist task when that goes unanswered too', () => {
    const host = new Host(journey, ny('2026-04-01T12:00'), { refillDueDate: '2026-04-10', pharmacyName: 'Main St' });
    host.apply({ type: 'start' });
    host.fireNextTimer();
    host.fireNextTimer();
    expect(host.sends().at(-1)!.command).toMatchObject({ step: 'voice-call', channel: 'voice' });
    expect(host.now - ny('2026-04-07T10:00')).toBe(48 * 3600_000);
    host.fireNextTimer();
    expect(host.log.map((e) => e.command)).toContainEqual(
      expect.objectContaining({ type: 'create-task', step: 'pharmacist-call', queue: 'pharmacists' }),
    );
  });

  it('exits at once when therapy is discontinued, even in the middle of the long wait', () => {
    const host = new Host(journey, ny('2026-04-01T12:00'), { refillDueDate: '2026-06-10', pharmacyName: 'Main St' });
    host.apply({ type: 'start' });
    const t = host.apply({ type: 'event', name: 'therapy.discontinued' });
    expect(t.state.status).toBe('exited');
    expect(t.state.timers).toEqual([]);
    expect(t.commands.some((c) => c.type === 'cancel-timer')).toBe(true);
  });

  it('falls back to a pharmacist call when the refill date is missing', () => {
    const host = new Host(journey, ny('2026-04-01T12:00'), {});
    host.apply({ type: 'start' });
    expect(host.state.path.map((p) => [p.step, p.output])).toEqual([
      ['three-days-before', 'no-date'],
      ['pharmacist-call', undefined],
    ]);
  });
});

describe('quiet hours and the frequency cap', () => {
  it('defers an SMS that falls at 22:30 local to 08:00 the next morning', () => {
    const journey = example('first-dose-check-in');
    const host = new Host(journey, ny('2026-05-01T22:30'));
    host.apply({ type: 'start' });
    expect(host.sends()).toEqual([]);
    expect(host.state.phase).toMatchObject({ kind: 'deferred', why: 'quiet-hours', until: ny('2026-05-02T08:00') });
    host.fireNextTimer();
    expect(host.sends().map((s) => s.at)).toEqual([ny('2026-05-02T08:00')]);
  });

  it('holds the decliner sequence to one message a week', () => {
    const journey = example('decliner-re-engagement');
    const host = new Host(journey, ny('2026-05-01T12:00'));
    host.apply({ type: 'start' });
    for (let i = 0; i < 8 && host.state.status === 'running'; i++) host.fireNextTimer();
    const times = host.sends().map((s) => s.at);
    for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(7 * 86_400_000);
  });

  it('counts the goal and exits when a decliner enrolls', () => {
    const host = new Host(example('decliner-re-engagement'), ny('2026-05-01T12:00'));
    host.apply({ type: 'start' });
    const t = host.apply({ type: 'event', name: 'program.enrolled' });
    expect(t.state.status).toBe('exited');
    expect(t.commands).toContainEqual({ type: 'record-goal', goal: 'enrolled' });
  });
});

describe('assessments and classification', () => {
  const journey = example('phq-9-check-in');
  const answerAll = (host: Host, answers: string[]) => answers.forEach((a) => host.apply({ type: 'reply', text: a }));

  it('re-asks once on an invalid answer, scores, and creates an urgent task at once when item 9 is above 0', () => {
    const host = new Host(journey, ny('2026-03-02T10:00'));
    host.apply({ type: 'start' });
    host.apply({ type: 'reply', text: 'maybe' });
    expect(host.sends().at(-1)!.command.purpose).toBe('reask');
    answerAll(host, ['0', '0', '0', '0', '0', '0', '0', '0', '1']);
    expect(host.state.assessment).toMatchObject({ score: 1 });
    expect(host.log.map((e) => e.command)).toContainEqual(
      expect.objectContaining({ type: 'create-task', step: 'urgent-nurse-call', queue: 'crisis-nurses' }),
    );
    expect(host.log.find((e) => e.command.type === 'record-assessment')!.command).toMatchObject({
      score: 1,
      response: expect.objectContaining({ resourceType: 'QuestionnaireResponse', status: 'completed' }),
    });
  });

  it('classifies by PHQ-9 band: moderate (10–14) goes to a nurse follow-up, minimal waits two weeks', () => {
    const moderate = new Host(journey, ny('2026-03-02T10:00'));
    moderate.apply({ type: 'start' });
    answerAll(moderate, ['2', '2', '2', '2', '1', '1', '1', '1', '0']);
    expect(moderate.state.path.find((p) => p.step === 'severity')!.output).toBe('moderate');
    const minimal = new Host(journey, ny('2026-03-02T10:00'));
    minimal.apply({ type: 'start' });
    answerAll(minimal, ['0', '1', '0', '0', '0', '1', '0', '0', '0']);
    expect(minimal.state.path.find((p) => p.step === 'severity')!.output).toBe('minimal');
    expect(minimal.state.phase).toMatchObject({ kind: 'waiting', step: 'wait-two-weeks' });
  });

  it('stops after six months of fortnightly check-ins: the loop cap ends the journey', () => {
    const host = new Host(journey, ny('2026-03-02T10:00'));
    host.apply({ type: 'start' });
    for (let i = 0; i < 40 && host.state.status === 'running'; i++) host.fireNextTimer();
    expect(host.state.status).toBe('completed');
    expect(host.state.visits['phq-9']).toBe(14);
    expect(host.state.path.at(-1)!.step).toBe('end-six-months');
  });

  it('takes the declined output on SKIP', () => {
    const host = new Host(journey, ny('2026-03-02T10:00'));
    host.apply({ type: 'start' });
    host.apply({ type: 'reply', text: 'SKIP' });
    expect(host.state.path.find((p) => p.step === 'phq-9')!.output).toBe('declined');
  });
});

describe('self-injection onboarding', () => {
  it('goes from the nurse call to the video, then waits for 09:00 local the next morning for the relaxation text', () => {
    const host = new Host(example('self-injection-onboarding'), ny('2026-03-02T15:00'));
    host.apply({ type: 'start' });
    const task = host.log.find((e) => e.command.type === 'create-task')!.command as Extract<
      EngineCommand,
      { type: 'create-task' }
    >;
    host.apply({ type: 'task-outcome', step: task.step, visit: task.visit, outcome: 'reached' });
    expect(host.sends().at(-1)!.command).toMatchObject({ step: 'how-to-video', channel: 'video' });
    host.fireNextTimer();
    expect(host.now).toBe(ny('2026-03-03T09:00'));
    expect(host.sends().map((s) => s.command.step)).toContain('relaxation-sms');
    expect(host.sends().find((s) => s.command.step === 'relaxation-sms')!.at).toBe(ny('2026-03-03T09:00'));
  });

  it('rejects a task outcome the step does not offer', () => {
    const host = new Host(example('self-injection-onboarding'), ny('2026-03-02T15:00'));
    host.apply({ type: 'start' });
    const t = host.apply({ type: 'task-outcome', step: 'onboarding-call', visit: 1, outcome: 'maybe' });
    expect(t.applied).toBe(false);
  });
});

describe('random split', () => {
  it('draws from the host random, so a replayed draw gives the same branch', () => {
    const base = example('first-dose-check-in');
    const journey = validateJourney({
      ...base,
      start: 'ab',
      steps: {
        ...base.steps,
        ab: {
          type: 'split',
          split: {
            mode: 'random',
            variants: [
              { id: 'a', percent: 30 },
              { id: 'b', percent: 70 },
            ],
          },
          outputs: { a: 'welcome', b: 'end-well' },
        },
      },
    }).document!;
    const run = (draw: number) =>
      new Host(journey, 0, {}, 'UTC', () => draw).apply({ type: 'start' }).state.path[0].output;
    expect(run(0.1)).toBe('a');
    expect(run(0.29)).toBe('a');
    expect(run(0.31)).toBe('b');
    expect(run(0.31)).toBe(run(0.31));
  });
});

describe('condition-only exit criteria', () => {
  it('exit as soon as an update step makes them true, before the journey waits', () => {
    const journey = validateJourney({
      schemaVersion: 2,
      name: 'Stops on status',
      attributes: { status: { type: 'string' } },
      exitCriteria: [{ id: 'stopped', when: 'patient.status == "stopped"' }],
      settings: { consentPurpose: 'adherence-support' },
      start: 'mark',
      steps: {
        mark: { type: 'update', set: [{ attribute: 'status', value: '"stopped"' }], outputs: { next: 'pause' } },
        pause: { type: 'wait', wait: { kind: 'duration', duration: 'P30D' }, outputs: { next: 'done' } },
        done: { type: 'end' },
      },
    });
    expect(journey.ok).toBe(true);
    const host = new Host(journey.document!, 0);
    host.apply({ type: 'start' });
    expect(host.state).toMatchObject({ status: 'exited', reason: 'stopped', timers: [] });
  });

  it('a wait of zero or less is not a pause, so validation refuses it', () => {
    const doc = example('first-dose-check-in');
    const withWait = (duration: string) =>
      validateJourney({
        ...doc,
        steps: {
          ...doc.steps,
          'wait-two-days': { ...doc.steps['wait-two-days'], wait: { kind: 'duration', duration } },
        },
      });
    expect(withWait('-P1D').problems.map((p) => p.code)).toContain('wait.invalid-duration');
    expect(withWait('PT0S').problems.map((p) => p.code)).toContain('wait.invalid-duration');
    expect(withWait('PT1S').ok).toBe(true);
  });
});
