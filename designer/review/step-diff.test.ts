import { describe, expect, it } from 'vitest';
import { JourneyDocument } from '../../schema/index.js';
import firstDoseJson from '../../examples/journeys/first-dose-check-in.journey.json';
import { diffJourneys } from './step-diff.js';
import { wordDiff } from './word-diff.js';
import { unchangedSince } from './unchanged-since.js';

const v1 = JourneyDocument.parse(firstDoseJson);

/** A copy of v1 with the ask-first-dose text reworded, welcome removed and a new step added, as a manager's next version might. */
function nextVersion(): JourneyDocument {
  const doc = structuredClone(v1);
  const ask = doc.steps['ask-first-dose'];
  if (ask.type !== 'message') throw new Error('fixture changed');
  ask.template = 'Did your first dose go as planned? Reply 1 for yes, 2 for no.';
  doc.steps['thanks'] = { type: 'end', name: 'Thanks', outputs: {} } as JourneyDocument['steps'][string];
  delete doc.steps['end-no-reply'];
  doc.settings.smsSegmentBudget = 2;
  return doc;
}

describe('the step-level diff against the last approved version', () => {
  const diff = diffJourneys(v1, nextVersion());
  const entry = (id: string) => diff.steps.find((s) => s.stepId === id)!;

  it('marks each step added, removed, changed or unchanged', () => {
    expect(entry('thanks').kind).toBe('added');
    expect(entry('end-no-reply').kind).toBe('removed');
    expect(entry('ask-first-dose').kind).toBe('changed');
    expect(entry('welcome').kind).toBe('unchanged');
    expect(entry('welcome').fields).toEqual([]);
  });

  it('names the changed field in words and keeps both texts', () => {
    expect(entry('ask-first-dose').fields).toEqual([
      {
        path: 'template',
        label: 'Message text',
        before: 'Did your first dose go well? Reply 1 for yes, 2 for no.',
        after: 'Did your first dose go as planned? Reply 1 for yes, 2 for no.',
      },
    ]);
  });

  it('reports journey-level changes apart from the steps, and ignores the layout', () => {
    const moved = structuredClone(v1);
    moved.layout = { steps: { welcome: { x: 999, y: 999 } } };
    expect(diffJourneys(v1, moved).steps.every((s) => s.kind === 'unchanged')).toBe(true);
    expect(diffJourneys(v1, moved).journey).toEqual([]);
    expect(diff.journey).toEqual([
      { path: 'settings/smsSegmentBudget', label: 'Settings › smsSegmentBudget', before: '3', after: '2' },
    ]);
  });

  it('treats every step as added when there is no approved version yet', () => {
    expect(diffJourneys(undefined, v1).steps.every((s) => s.kind === 'added')).toBe(true);
  });

  it('labels nested fields with people-counted indexes', () => {
    const doc = structuredClone(v1);
    const ask = doc.steps['ask-first-dose'];
    if (ask.type !== 'message' || !ask.await) throw new Error('fixture changed');
    ask.await.classes[0].match = [...ask.await.classes[0].match, 'yep'];
    const fields = diffJourneys(v1, doc).steps.find((s) => s.stepId === 'ask-first-dose')!.fields;
    expect(fields).toEqual([
      expect.objectContaining({
        label: `Awaits reply › Reply class 1 › Matches ${ask.await.classes[0].match.length}`,
        after: 'yep',
      }),
    ]);
    expect(fields[0].before).toBeUndefined();
  });
});

describe('word-by-word difference of a field', () => {
  it('keeps the shared words and marks the removed and added ones', () => {
    const runs = wordDiff('Did your first dose go well?', 'Did your first dose go as planned?');
    expect(runs.filter((r) => r.change === 'removed').map((r) => r.text.trim())).toEqual(['well']);
    expect(runs.filter((r) => r.change === 'added').map((r) => r.text)).toEqual(['as planned']);
    expect(
      runs
        .filter((r) => r.change !== 'added')
        .map((r) => r.text)
        .join(''),
    ).toBe('Did your first dose go well?');
    expect(
      runs
        .filter((r) => r.change !== 'removed')
        .map((r) => r.text)
        .join(''),
    ).toBe('Did your first dose go as planned?');
  });

  it('shows a new field as all added', () => {
    expect(wordDiff(undefined, 'Hello there')).toEqual([{ text: 'Hello there', change: 'added' }]);
  });
});

describe('unchanged since version K', () => {
  it('names the oldest version of the unbroken run in which the step had its current content', () => {
    const v2 = nextVersion();
    const v3 = structuredClone(v2);
    const history = [
      { number: 1, document: v1 },
      { number: 2, document: v2 },
    ];
    expect(unchangedSince('welcome', { number: 3, document: v3 }, history)).toBe(1);
    expect(unchangedSince('ask-first-dose', { number: 3, document: v3 }, history)).toBe(2);
    expect(unchangedSince('thanks', { number: 3, document: v3 }, history)).toBe(2);
    expect(unchangedSince('welcome', { number: 1, document: v1 }, [])).toBe(1);
  });
});
