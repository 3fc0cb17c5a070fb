import { describe, expect, it } from 'vitest';
import { JourneyDocument } from '../../schema/index.js';
import firstDoseJson from '../../examples/journeys/first-dose-check-in.journey.json';
import { reviewDiff } from './step-diff.js';
import { wordDiff } from './word-diff.js';

const v1 = JourneyDocument.parse(firstDoseJson);

/** A copy of v1 with the question reworded, the no-reply end removed and a new end added, as a manager's next version might. */
function nextVersion(): JourneyDocument {
  const doc = structuredClone(v1);
  const ask = doc.steps['ask-first-dose'];
  if (ask.type !== 'message') throw new Error('fixture changed');
  ask.template = 'Did your first dose go as planned? Reply 1 for yes, 2 for no.';
  ask.outputs = { ...ask.outputs, timeout: 'thanks' };
  doc.steps['thanks'] = { type: 'end', name: 'Thanks', outputs: {} } as JourneyDocument['steps'][string];
  delete doc.steps['end-no-reply'];
  doc.settings.smsSegmentBudget = 2;
  return doc;
}

describe('the step-level diff a reviewer reads', () => {
  const diff = reviewDiff({ number: 2, document: nextVersion() }, { number: 1, document: v1 }, []);
  const entry = (id: string) => diff.steps.find((s) => s.stepId === id)!;

  it('marks each step added, removed, changed or unchanged since the version it dates from', () => {
    expect(entry('thanks')).toMatchObject({ kind: 'added', name: 'Thanks' });
    expect(entry('end-no-reply').kind).toBe('removed');
    expect(entry('ask-first-dose').kind).toBe('changed');
    expect(entry('welcome')).toMatchObject({ kind: 'unchanged', unchangedSince: 1, fields: [] });
  });

  it('names each changed field in words and keeps both values as text', () => {
    expect(entry('ask-first-dose').fields).toEqual(
      expect.arrayContaining([
        {
          pointer: '/template',
          label: 'Message text',
          before: 'Did your first dose go well? Reply 1 for yes, 2 for no.',
          after: 'Did your first dose go as planned? Reply 1 for yes, 2 for no.',
        },
        {
          pointer: '/outputs/timeout',
          label: 'Leads from output › "timeout"',
          before: 'end-no-reply',
          after: 'thanks',
        },
      ]),
    );
    expect(entry('ask-first-dose').fields).toHaveLength(2);
  });

  it('reports journey-level changes apart from the steps, numbers as text', () => {
    expect(diff.journey).toEqual([
      { pointer: '/settings/smsSegmentBudget', label: 'Settings › smsSegmentBudget', before: '3', after: '2' },
    ]);
  });

  it('labels nested fields with indexes counted from 1, and says a new field has no old value', () => {
    const doc = structuredClone(v1);
    const ask = doc.steps['ask-first-dose'];
    if (ask.type !== 'message' || !ask.await) throw new Error('fixture changed');
    ask.await.classes[0].match = [...ask.await.classes[0].match, 'yep'];
    const [field] = reviewDiff({ number: 2, document: doc }, { number: 1, document: v1 }, []).steps.find(
      (s) => s.stepId === 'ask-first-dose',
    )!.fields;
    expect(field.label).toBe(`Awaits reply › Reply class 1 › Matches ${ask.await.classes[0].match.length}`);
    expect(field).toMatchObject({ after: 'yep' });
    expect(field.before).toBeUndefined();
  });

  it('treats every step as new when nothing was approved before', () => {
    expect(reviewDiff({ number: 1, document: v1 }, undefined, []).steps.every((s) => s.kind === 'added')).toBe(true);
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
