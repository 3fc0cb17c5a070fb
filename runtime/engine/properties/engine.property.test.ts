/** Property-based tests of the pure engine over random valid journeys and random host event scripts (fast-check). */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { durationMillis } from '../../../schema/duration.js';
import { validateJourney } from '../../../schema/validate.js';
import type { JourneyDocument } from '../../../schema/document.js';
import { applyEvent } from '../engine.js';
import type { EngineEvent, EnrollmentState } from '../types.js';
import { EXIT_EVENT, journeyArb } from './arbitraries.js';
import { patientArb, scriptArb } from './script-arbitraries.js';
import { commandsOf, drive, seeded, type Run } from './driver.js';

const RUNS = { numRuns: 150 };
const scenario = fc.record({ journey: journeyArb, patient: patientArb, script: scriptArb });

/** Every step entered, in order, across the whole run. */
const entered = (run: Run) =>
  commandsOf(run).flatMap(({ command }) => (command.type === 'enter-step' ? [command] : []));

/** Sends that open a contact (the first send of a step visit); later sends of an SMS assessment are replies within its dialogue. */
function outreach(run: Run) {
  const seen = new Set<string>();
  return commandsOf(run).filter(({ command }) => {
    if (command.type !== 'send') return false;
    const key = `${command.step}#${command.visit}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Inside the quiet window, read with luxon in the patient's zone (independently of the engine's local-time helper). */
function insideQuietHours(at: number, zone: string, quiet: { start: string; end: string }): boolean {
  const local = DateTime.fromMillis(at, { zone });
  const minutes = local.hour * 60 + local.minute;
  const [sh, sm] = quiet.start.split(':').map(Number);
  const [eh, em] = quiet.end.split(':').map(Number);
  const start = sh * 60 + sm;
  const end = eh * 60 + em;
  if (start === end) return false;
  return start < end ? minutes >= start && minutes < end : minutes >= start || minutes < end;
}

/** The longest a path can get: between two visits of capped steps the journey crosses at most every step once. */
function pathBound(journey: JourneyDocument): number {
  const steps = Object.values(journey.steps);
  const cappedVisits = steps.reduce((sum, s) => sum + (s.maxVisits !== undefined ? s.maxVisits + 1 : 0), 0);
  return (1 + cappedVisits) * steps.length;
}

describe('engine properties over random valid journeys', () => {
  it('never throws, never leaves the graph, and every transition follows the output taken', () => {
    fc.assert(
      fc.property(scenario, ({ journey, patient, script }) => {
        const run = drive(journey, patient, script);
        for (const command of entered(run)) expect(journey.steps).toHaveProperty([command.step]);
        const path = run.state.path;
        expect(path.map((p) => p.step)).toEqual(entered(run).map((c) => c.step));
        expect(path[0]?.step).toBe(journey.start);
        for (let i = 1; i < path.length; i++) {
          const prev = path[i - 1];
          expect(prev.output, `path entry ${i - 1} (${prev.step}) was left without an output`).toBeDefined();
          expect(journey.steps[prev.step].outputs[prev.output!]).toBe(path[i].step);
        }
        for (const s of run.log) expect(s.transition.state.timers.length).toBeLessThanOrEqual(1);
      }),
      RUNS,
    );
  });

  it('never sends on a quiet-hours channel inside the quiet window in the patient zone', () => {
    fc.assert(
      fc.property(scenario, ({ journey, patient, script }) => {
        const run = drive(journey, patient, script);
        const quiet = journey.settings.quietHours;
        for (const { at, command } of outreach(run)) {
          if (command.type !== 'send' || !quiet.channels.includes(command.channel as never)) continue;
          const local = DateTime.fromMillis(at, { zone: run.zone }).toFormat('yyyy-MM-dd HH:mm ZZZZ');
          expect(
            insideQuietHours(at, run.zone, quiet),
            `${command.channel} send of ${command.step} at ${local} (quiet ${quiet.start}–${quiet.end})`,
          ).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('regression: a quiet window ending inside a DST gap does not defer a send into quiet hours', () => {
    // Quiet 03:00–02:00 New York time leaves 02:00–03:00 open, an hour that does not exist on 9 March 2025.
    const journey = validateJourney({
      schemaVersion: 2,
      name: 'dst',
      start: 'hello',
      settings: {
        consentPurpose: 'p',
        timeZone: { source: 'fixed', zone: 'America/New_York' },
        quietHours: { start: '03:00', end: '02:00', channels: ['sms'] },
      },
      steps: {
        hello: { type: 'message', channel: 'sms', connector: 'dev', template: 'Hello.', outputs: { next: 'done' } },
        done: { type: 'end' },
      },
    }).document!;
    const startMinute = (Date.UTC(2025, 2, 9, 6, 30) - Date.UTC(2025, 0, 1)) / 60_000; // 01:30 EST, inside the window
    const run = drive(
      journey,
      { attributes: {}, startMinute, timeZone: undefined },
      {
        actions: [
          { kind: 'host', x: 0, y: 0 },
          { kind: 'host', x: 0, y: 0 },
        ],
        seed: 0,
      },
    );
    const sends = commandsOf(run).filter(({ command }) => command.type === 'send');
    expect(sends.length).toBe(1);
    const local = DateTime.fromMillis(sends[0].at, { zone: 'America/New_York' }).toFormat('yyyy-MM-dd HH:mm ZZZZ');
    expect(insideQuietHours(sends[0].at, 'America/New_York', journey.settings.quietHours), `sent at ${local}`).toBe(
      false,
    );
  });

  it('never exceeds the frequency cap in any rolling window (webhooks excluded)', () => {
    fc.assert(
      fc.property(scenario, ({ journey, patient, script }) => {
        const cap = journey.settings.frequencyCap;
        fc.pre(cap !== undefined);
        const run = drive(journey, patient, script);
        const period = durationMillis(cap!.period);
        const times = outreach(run)
          .filter(({ command }) => command.type === 'send' && command.channel !== 'webhook')
          .map((s) => s.at)
          .sort((a, b) => a - b);
        for (let i = 0; i + cap!.max < times.length; i++) {
          expect(
            times[i + cap!.max] - times[i],
            `${cap!.max + 1} sends within ${cap!.period}: ${times
              .slice(i, i + cap!.max + 1)
              .map((t) => new Date(t).toISOString())
              .join(', ')}`,
          ).toBeGreaterThanOrEqual(period);
        }
      }),
      { ...RUNS, numRuns: 200 },
    );
  });

  it('keeps every loop within its cap: visits ≤ maxVisits + 1, the capped visit leaves by `capped` or ends, the path is bounded', () => {
    fc.assert(
      fc.property(scenario, ({ journey, patient, script }) => {
        const run = drive(journey, patient, script);
        for (const [id, count] of Object.entries(run.state.visits)) {
          const max = journey.steps[id].maxVisits;
          if (max === undefined) continue;
          expect(count).toBeLessThanOrEqual(max + 1);
        }
        run.state.path.forEach((entry, i) => {
          const max = journey.steps[entry.step].maxVisits;
          if (max === undefined || entry.visit <= max) return;
          const last = i === run.state.path.length - 1;
          if (entry.output !== undefined) expect(entry.output).toBe('capped');
          else expect(last && run.state.status === 'completed').toBe(true);
        });
        expect(run.state.path.length).toBeLessThanOrEqual(pathBound(journey));
      }),
      RUNS,
    );
  });

  it('regression (shrunk counterexample): a loop whose `capped` output leads back into it is still bounded by its cap', () => {
    // s0 waits 30 min and loops on itself once (maxVisits 1); its capped exit goes to a task whose escalation returns to s0.
    const journey = validateJourney({
      schemaVersion: 2,
      name: 'capped loop',
      settings: { consentPurpose: 'p' },
      start: 's0',
      steps: {
        s0: {
          type: 'wait',
          wait: { kind: 'duration', duration: 'PT30M' },
          maxVisits: 1,
          outputs: { next: 's0', capped: 's1' },
        },
        s1: {
          type: 'task',
          queue: 'nurses',
          title: 'Call',
          outcomes: [{ id: 'reached' }],
          deadline: 'PT30M',
          outputs: { reached: 's2', escalated: 's0' },
        },
        s2: { type: 'goal', goal: 'engaged', outputs: { next: 'done' } },
        done: { type: 'end' },
      },
    });
    // Either the validator refuses the journey, or the engine must keep the loop within its cap.
    if (!journey.ok) return expect(journey.problems.map((p) => p.stepId)).toContain('s0');
    const run = drive(
      journey.document!,
      { attributes: {}, startMinute: 0, timeZone: undefined },
      { actions: [{ kind: 'tick', x: 3, y: 0 }], seed: 0 },
    );
    // Two hours of virtual time: s0 is entered at 0, 30 (capped), 60 (capped again), 90, 120 minutes…
    expect(run.state.visits.s0).toBeLessThanOrEqual(2);
  });

  it('exits at once on an exit-criterion event, cancelling every timer', () => {
    fc.assert(
      fc.property(scenario, fc.nat(), ({ journey, patient, script }, cut) => {
        const run = drive(journey, patient, {
          ...script,
          actions: script.actions.slice(0, cut % (script.actions.length + 1)),
        });
        fc.pre(run.state.status === 'running');
        const t = applyEvent(journey, run.state, { type: 'event', name: EXIT_EVENT }, run.log.at(-1)!.at, seeded(1));
        expect(t.applied).toBe(true);
        expect(t.state.status).toBe('exited');
        expect(t.state.timers).toEqual([]);
        expect(
          t.commands
            .filter((c) => c.type === 'cancel-timer')
            .map((c) => (c as { id: string }).id)
            .sort(),
        ).toEqual(run.state.timers.map((x) => x.id).sort());
        expect(t.commands.at(-1)).toEqual({ type: 'exit', reason: 'opt-out' });
        expect(t.commands.some((c) => c.type === 'send' || c.type === 'enter-step' || c.type === 'start-timer')).toBe(
          false,
        );
        // A condition-only criterion fires on the attribute change that makes it true, just as at once.
        const a = applyEvent(
          journey,
          run.state,
          { type: 'attributes', values: { plan: 'stop' } },
          run.log.at(-1)!.at,
          seeded(1),
        );
        expect([a.state.status, a.state.timers, a.commands.at(-1)]).toEqual([
          'exited',
          [],
          { type: 'exit', reason: 'plan-stopped' },
        ]);
        // And every such event inside the scripted runs did the same.
        for (const s of run.log) {
          if (s.event.type !== 'event' || s.event.name !== EXIT_EVENT || s.before.status !== 'running') continue;
          expect(s.transition.state.status).toBe('exited');
          expect(s.transition.state.timers).toEqual([]);
        }
      }),
      RUNS,
    );
  });

  it('is deterministic and pure: the same inputs give the same outputs, inputs are never mutated, ignored events return the same state', () => {
    fc.assert(
      fc.property(scenario, ({ journey, patient, script }) => {
        const frozen = JSON.stringify(journey);
        const first = drive(journey, patient, script);
        const second = drive(journey, patient, script);
        expect(second.log.map((s) => [s.at, s.event, s.transition])).toEqual(
          first.log.map((s) => [s.at, s.event, s.transition]),
        );
        expect(second.state).toEqual(first.state);
        expect(JSON.stringify(journey)).toBe(frozen);
        for (const s of first.log) {
          expect(JSON.stringify(s.before), `the engine mutated its input state on ${JSON.stringify(s.event)}`).toBe(
            s.beforeCopy,
          );
          if (!s.transition.applied) {
            expect(s.transition.state).toBe(s.before);
            expect(s.transition.commands).toEqual([]);
            expect(s.transition.ignoredBecause).toMatch(/\w+/);
          }
        }
      }),
      { ...RUNS, numRuns: 100 },
    );
  });

  it('a finished enrollment ignores every further event', () => {
    const anyEvent = fc.constantFrom<EngineEvent>(
      { type: 'start' },
      { type: 'timer', id: 't1' },
      { type: 'reply', text: '1' },
      { type: 'delivery', step: 's0', visit: 1, outcome: 'failed' },
      { type: 'event', name: EXIT_EVENT },
      { type: 'event', name: 'refill-picked-up', payload: { days: 4 } },
      { type: 'task-outcome', step: 's0', visit: 1, outcome: 'reached' },
      { type: 'assessment-response', step: 's0', visit: 1, answers: {} },
      { type: 'attributes', values: { plan: 'stop' } },
      { type: 'exit', reason: 'again' },
    );
    fc.assert(
      fc.property(
        scenario,
        fc.array(anyEvent, { minLength: 1, maxLength: 5 }),
        ({ journey, patient, script }, extra) => {
          const run = drive(journey, patient, script);
          let finished: EnrollmentState | undefined;
          for (const s of run.log) {
            if (finished) {
              expect(s.transition.applied).toBe(false);
              expect(s.transition.state).toBe(finished);
              expect(s.transition.commands).toEqual([]);
            } else if (s.transition.state.status !== 'running') {
              finished = s.transition.state;
              expect(finished.timers).toEqual([]);
              expect(finished.endedAt).toBe(s.at);
            }
          }
          fc.pre(finished !== undefined);
          for (const event of extra) {
            const t = applyEvent(journey, finished!, event, run.log.at(-1)!.at + 1, seeded(2));
            expect(t.applied).toBe(false);
            expect(t.state).toBe(finished);
            expect(t.commands).toEqual([]);
          }
        },
      ),
      RUNS,
    );
  });
});
