/** The step mapping between two versions: unchanged steps map themselves, changed or removed ones need a choice, bad choices are refused. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { JourneyDocument } from '../../schema/document.js';
import { migrationMapping, stepUnchanged } from './mapping.js';

const v1 = JSON.parse(
  readFileSync(new URL('../../examples/journeys/first-dose-check-in.journey.json', import.meta.url), 'utf8'),
) as JourneyDocument;

/** Version 2: the wait is renamed only, the question is reworded, the welcome is gone, a nurse call is new. */
function version2(): JourneyDocument {
  const doc = structuredClone(v1) as unknown as { steps: Record<string, Record<string, unknown>>; start: string };
  doc.steps['wait-two-days'].name = 'Wait two days';
  doc.steps['wait-two-days'].outputs = { next: 'ask-v2' };
  doc.steps['ask-v2'] = { ...doc.steps['ask-first-dose'], template: 'How did your first dose go? Reply 1 or 2.' };
  delete doc.steps['ask-first-dose'];
  delete doc.steps.welcome;
  doc.steps['nurse-call'] = {
    type: 'task',
    queue: 'nurses',
    title: 'Check in',
    talkingPoints: ['Ask about the dose.'],
    outcomes: [{ id: 'reached', label: 'Reached' }],
    deadline: 'PT8H',
    outputs: { reached: 'end-well', escalated: 'end-well' },
  };
  doc.start = 'wait-two-days';
  return doc as unknown as JourneyDocument;
}

describe('migrationMapping', () => {
  it('maps an unchanged step to itself automatically, even when renamed or rewired, and asks for the rest', () => {
    const mapping = migrationMapping(v1, version2());
    expect(mapping.rows).toEqual([
      {
        from: 'welcome',
        fromName: 'Welcome SMS',
        fromType: 'message',
        automatic: false,
        unchanged: false,
        problem: expect.stringContaining('choose'),
      },
      {
        from: 'wait-two-days',
        fromName: 'Wait 2 days',
        fromType: 'wait',
        to: 'wait-two-days',
        automatic: true,
        unchanged: true,
      },
      {
        from: 'ask-first-dose',
        fromName: 'Did the first dose go well?',
        fromType: 'message',
        automatic: false,
        unchanged: false,
        problem: expect.stringContaining('choose'),
      },
    ]);
    expect(mapping.targets).toEqual({ 'wait-two-days': { to: 'wait-two-days', keep: true } });
    expect(mapping.unmapped).toEqual(['welcome', 'ask-first-dose']);
    expect(mapping.problems).toEqual([]);
  });

  it('takes hand choices: patients entering a changed step afresh, and no problem left once every row has a target', () => {
    const mapping = migrationMapping(v1, version2(), { welcome: 'wait-two-days', 'ask-first-dose': 'ask-v2' });
    expect(mapping.problems).toEqual([]);
    expect(mapping.unmapped).toEqual([]);
    expect(mapping.targets).toEqual({
      welcome: { to: 'wait-two-days', keep: false },
      'wait-two-days': { to: 'wait-two-days', keep: true },
      'ask-first-dose': { to: 'ask-v2', keep: false },
    });
    expect(mapping.rows.find((r) => r.from === 'welcome')).toMatchObject({ automatic: false, to: 'wait-two-days' });
  });

  it('refuses a target missing from M, a target where nobody waits, and a choice for a step of N where nobody waits', () => {
    const mapping = migrationMapping(v1, version2(), {
      welcome: 'no-such-step',
      'ask-first-dose': 'end-well',
      'end-well': 'ask-v2',
    });
    expect(mapping.problems).toEqual([
      { pointer: '/mapping/end-well', step: 'end-well', message: expect.stringContaining('never wait there') },
      {
        pointer: '/mapping/welcome',
        step: 'welcome',
        message: 'Step "no-such-step" does not exist in the new version.',
      },
      {
        pointer: '/mapping/ask-first-dose',
        step: 'ask-first-dose',
        message: expect.stringContaining('is a step of type end'),
      },
    ]);
    expect(mapping.targets).toEqual({ 'wait-two-days': { to: 'wait-two-days', keep: true } });
  });

  it('a chosen step other than the unchanged one is entered afresh; the unchanged one stays the suggestion', () => {
    const mapping = migrationMapping(v1, version2(), { 'wait-two-days': 'nurse-call' });
    expect(mapping.targets['wait-two-days']).toEqual({ to: 'nurse-call', keep: false });
    expect(mapping.rows.find((r) => r.from === 'wait-two-days')).toMatchObject({ automatic: false, unchanged: true });
  });
});

describe('stepUnchanged', () => {
  it('counts settings and the set of outputs, not the name or where outputs lead', () => {
    const wait = v1.steps['wait-two-days'];
    expect(stepUnchanged(wait, { ...wait, name: 'Renamed', outputs: { next: 'elsewhere' } })).toBe(true);
    expect(stepUnchanged(wait, { ...wait, wait: { kind: 'duration', duration: 'P3D' } } as typeof wait)).toBe(false);
    expect(stepUnchanged(wait, { ...wait, outputs: { next: 'x', capped: 'y' } })).toBe(false);
    expect(stepUnchanged(wait, undefined)).toBe(false);
  });
});
