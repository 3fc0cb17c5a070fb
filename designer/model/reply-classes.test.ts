import { describe, expect, it } from 'vitest';
import { addReplyClass, parseMatchList, removeReplyClass, setAwaitReply, updateReplyClass } from './reply-classes.js';
import { firstDoseCheckIn } from './fixtures.js';
import { applyChange } from './changes.js';
import type { MessageStep } from '../../schema/index.js';

const ask = firstDoseCheckIn.steps['ask-first-dose'] as MessageStep;
const welcome = firstDoseCheckIn.steps.welcome as MessageStep;

describe('reply class edits', () => {
  it('renaming a class keeps its connection under the new output name', () => {
    const renamed = updateReplyClass(ask, 0, { id: 'fine' });
    expect(renamed.await!.classes[0].id).toBe('fine');
    expect(renamed.outputs).toEqual({ fine: 'end-well', no: 'end-follow-up', timeout: 'end-no-reply' });
    const doc = applyChange(firstDoseCheckIn, { type: 'update-step', stepId: 'ask-first-dose', step: renamed });
    expect(doc.steps['ask-first-dose'].outputs).toEqual(renamed.outputs);
  });

  it('adding a class gives it a fresh id and no words; removing one drops its output', () => {
    const added = addReplyClass(ask);
    expect(added.await!.classes.map((c) => c.id)).toEqual(['yes', 'no', 'reply-3']);
    const removed = removeReplyClass(ask, 1);
    expect(removed.await!.classes.map((c) => c.id)).toEqual(['yes']);
    expect(removed.outputs).toEqual({ yes: 'end-well', timeout: 'end-no-reply' });
  });

  it('turning await on gives an empty class list and a one-day timeout; off removes it', () => {
    const on = setAwaitReply(welcome, true);
    expect(on.await).toEqual({ classes: [], timeout: 'P1D' });
    expect(setAwaitReply(on, false)).not.toHaveProperty('await');
  });

  it('parses comma-separated match words', () => {
    expect(parseMatchList(' 1, yes ,, y ')).toEqual(['1', 'yes', 'y']);
  });
});
