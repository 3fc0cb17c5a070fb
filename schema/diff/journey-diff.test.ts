import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { JourneyDocument } from '../document.js';
import { diffJourneys } from './journey-diff.js';

const example = JSON.parse(
  readFileSync(new URL('../../examples/journeys/first-dose-check-in.journey.json', import.meta.url), 'utf8'),
) as JourneyDocument;

/** A deep copy of `document` with each `[pointer, value]` applied (`undefined` removes the field), as the next version. */
function edit(document: JourneyDocument, changes: Array<[string, unknown]>): JourneyDocument {
  const copy = structuredClone(document) as unknown as Record<string, unknown>;
  for (const [pointer, value] of changes) {
    const path = pointer.split('/').slice(1);
    const last = path.pop()!;
    const parent = path.reduce((node, key) => (node as Record<string, unknown>)[key], copy as unknown) as Record<
      string,
      unknown
    >;
    if (value === undefined) delete parent[last];
    else parent[last] = value;
  }
  return copy as unknown as JourneyDocument;
}

describe('diffJourneys', () => {
  it('marks every step added when nothing was approved before', () => {
    const diff = diffJourneys({ number: 1, document: example }, null);
    expect(diff.steps.map((s) => s.status)).toEqual(Array(6).fill('added'));
    expect(diff.journey.changedFields).toEqual([]);
  });

  it('tells added, removed, changed and unchanged steps apart, with the changed fields by pointer', () => {
    const v2 = edit(example, [
      ['/steps/welcome/template', 'Hello {{ patient.firstName }}, welcome aboard.'],
      ['/steps/ask-first-dose/await/classes/1/match', ['2', 'no']],
      ['/steps/end-no-reply', undefined],
      ['/steps/ask-first-dose/outputs/timeout', 'end-quiet'],
      ['/steps/end-quiet', { type: 'end', name: 'Quiet', outputs: {} }],
    ]);
    const diff = diffJourneys({ number: 2, document: v2 }, { number: 1, document: example });
    const byId = Object.fromEntries(diff.steps.map((s) => [s.stepId, s]));
    expect(byId.welcome).toMatchObject({
      status: 'changed',
      type: 'message',
      name: 'Welcome SMS',
      changedFields: [
        {
          pointer: '/template',
          before: example.steps.welcome.type === 'message' ? example.steps.welcome.template : undefined,
          after: 'Hello {{ patient.firstName }}, welcome aboard.',
        },
      ],
    });
    expect(byId['ask-first-dose'].changedFields).toEqual([
      { pointer: '/await/classes/1/match/2', before: 'n' },
      { pointer: '/outputs/timeout', before: 'end-no-reply', after: 'end-quiet' },
    ]);
    expect(byId['end-no-reply']).toMatchObject({ status: 'removed', type: 'end', name: 'No reply' });
    expect(byId['end-quiet']).toMatchObject({ status: 'added', type: 'end' });
    expect(byId['wait-two-days']).toMatchObject({ status: 'unchanged', unchangedSince: 1, changedFields: [] });
  });

  it('says since which version an unchanged step has stayed the same, looking back through the history', () => {
    const v2 = edit(example, [['/steps/end-well/name', 'All good']]);
    const v3 = edit(v2, [['/steps/welcome/template', 'Welcome!']]);
    const v4 = edit(v3, [['/steps/wait-two-days/wait/duration', 'P3D']]);
    const diff = diffJourneys({ number: 4, document: v4 }, { number: 3, document: v3 }, [
      { number: 1, document: example },
      { number: 2, document: v2 },
      { number: 5, document: example },
    ]);
    const since = Object.fromEntries(diff.steps.map((s) => [s.stepId, s.unchangedSince]));
    expect(since).toMatchObject({ welcome: 3, 'end-well': 2, 'end-follow-up': 1, 'wait-two-days': undefined });
  });

  it('reports journey-level changes and ignores the layout', () => {
    const v2 = edit(example, [
      ['/settings/quietHours/start', '20:00'],
      ['/layout/steps/welcome', { x: 999, y: 999 }],
    ]);
    const diff = diffJourneys({ number: 2, document: v2 }, { number: 1, document: example });
    expect(diff.journey.changedFields).toEqual([
      { pointer: '/settings/quietHours/start', before: '21:00', after: '20:00' },
    ]);
    expect(diff.steps.every((s) => s.status === 'unchanged')).toBe(true);
  });
});
