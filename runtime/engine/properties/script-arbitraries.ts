/** fast-check arbitraries for the host side of property tests: the patient (zone, attributes, start) and the script of host actions. */
import fc from 'fast-check';
import { ZONES } from './arbitraries.js';

const nat = fc.nat({ max: 1000 });

/** The patient: optional own time zone, initial attributes, and the start moment (minutes into 2025, to cross DST changes). */
export const patientArb = fc.record({
  timeZone: fc.option(fc.constantFrom(...ZONES), { nil: undefined }),
  attributes: fc.record(
    {
      age: fc.integer({ min: 18, max: 90 }),
      score: fc.integer({ min: -1, max: 11 }),
      enrolled: fc.boolean(),
      plan: fc.constantFrom('gold', 'silver', 'none'),
      refillDate: fc.constantFrom('2025-01-10', '2025-03-09', '2025-04-06', '2025-11-02', '2026-01-01', 'not a date'),
    },
    { requiredKeys: [] },
  ),
  startMinute: fc.oneof(
    fc.integer({ min: 0, max: 365 * 24 * 60 }),
    // Within two days before a DST change: New York and London in March, Auckland in September and April, New York in November.
    fc
      .tuple(
        fc.constantFrom(
          Date.UTC(2025, 2, 9),
          Date.UTC(2025, 2, 30),
          Date.UTC(2025, 8, 28),
          Date.UTC(2025, 3, 6),
          Date.UTC(2025, 10, 2),
        ),
        fc.integer({ min: -48 * 60, max: 12 * 60 }),
      )
      .map(([day, minutes]) => (day - Date.UTC(2025, 0, 1)) / 60_000 + minutes),
  ),
});
export type Patient = typeof patientArb extends fc.Arbitrary<infer T> ? T : never;

export const ACTIONS = [
  'host',
  'timer',
  'tick',
  'delivery',
  'reply',
  'event',
  'task-outcome',
  'assessment-response',
  'attributes',
  'exit',
] as const;
export type ActionKind = (typeof ACTIONS)[number];
const actionKind = fc.oneof(
  { weight: 12, arbitrary: fc.constant<ActionKind>('host') },
  { weight: 3, arbitrary: fc.constant<ActionKind>('timer') },
  { weight: 3, arbitrary: fc.constant<ActionKind>('tick') },
  { weight: 3, arbitrary: fc.constant<ActionKind>('delivery') },
  { weight: 4, arbitrary: fc.constant<ActionKind>('reply') },
  { weight: 2, arbitrary: fc.constant<ActionKind>('event') },
  { weight: 2, arbitrary: fc.constant<ActionKind>('task-outcome') },
  { weight: 1, arbitrary: fc.constant<ActionKind>('assessment-response') },
  { weight: 1, arbitrary: fc.constant<ActionKind>('attributes') },
  { weight: 1, arbitrary: fc.constant<ActionKind>('exit') },
);
export const actionArb = fc.record({ kind: actionKind, x: nat, y: nat });
export type Action = typeof actionArb extends fc.Arbitrary<infer T> ? T : never;

/** A host event script plus the seed of the random draws the host hands the engine. */
export const scriptArb = fc.record({
  actions: fc.array(actionArb, { maxLength: 60, size: 'large' }),
  seed: fc.integer(),
});
export type Script = typeof scriptArb extends fc.Arbitrary<infer T> ? T : never;
