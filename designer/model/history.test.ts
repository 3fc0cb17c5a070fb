import { describe, expect, it } from 'vitest';
import { canRedo, canUndo, createHistory, mark, record, redo, undo } from './history.js';
import { firstDoseCheckIn } from './fixtures.js';
import type { MessageStep } from '../../schema/index.js';

const welcome = firstDoseCheckIn.steps.welcome as MessageStep;
const typed = (template: string) => ({
  type: 'update-step' as const,
  stepId: 'welcome',
  step: { ...welcome, template },
});

describe('history', () => {
  it('undoes and redoes a change', () => {
    let h = createHistory(firstDoseCheckIn);
    h = record(h, { type: 'remove-step', stepId: 'end-well' });
    expect(h.document.steps).not.toHaveProperty('end-well');
    h = undo(h);
    expect(h.document).toEqual(firstDoseCheckIn);
    expect(canRedo(h)).toBe(true);
    h = redo(h);
    expect(h.document.steps).not.toHaveProperty('end-well');
    expect(h.document.steps['ask-first-dose'].outputs).not.toHaveProperty('yes');
  });

  it('joins quick same-key edits (typing) into one undo step, and a mark splits them', () => {
    let h = createHistory(firstDoseCheckIn);
    h = record(h, typed('H'), { coalesceKey: 'welcome/template', now: 0 });
    h = record(h, typed('He'), { coalesceKey: 'welcome/template', now: 100 });
    h = record(h, typed('Hey'), { coalesceKey: 'welcome/template', now: 200 });
    expect(h.undoStack).toHaveLength(1);
    h = mark(h);
    h = record(h, typed('Hey!'), { coalesceKey: 'welcome/template', now: 300 });
    expect(h.undoStack).toHaveLength(2);
    h = undo(h);
    expect((h.document.steps.welcome as MessageStep).template).toBe('Hey');
    h = undo(h);
    expect(h.document).toEqual(firstDoseCheckIn);
    expect(canUndo(h)).toBe(false);
  });

  it('does not join same-key edits far apart in time', () => {
    let h = createHistory(firstDoseCheckIn);
    h = record(h, typed('a'), { coalesceKey: 'k', now: 0 });
    h = record(h, typed('ab'), { coalesceKey: 'k', now: 5000 });
    expect(h.undoStack).toHaveLength(2);
  });

  it('a new change clears redo; a non-undoable change is not recorded', () => {
    let h = createHistory(firstDoseCheckIn);
    h = record(h, { type: 'set-start', stepId: 'wait-two-days' });
    h = undo(h);
    h = record(h, { type: 'rename-journey', name: 'X' });
    expect(canRedo(h)).toBe(false);
    h = record(h, { type: 'rename-journey', name: 'Loaded from server' }, { undoable: false });
    expect(h.undoStack).toHaveLength(1);
    expect(h.document.name).toBe('Loaded from server');
  });

  it('undo replays diffs, so it restores only what the change touched', () => {
    let h = createHistory(firstDoseCheckIn);
    h = record(h, { type: 'move-step', stepId: 'welcome', position: { x: 99, y: 99 } });
    h = record(h, { type: 'rename-journey', name: 'Server rename' }, { undoable: false });
    h = undo(h);
    expect(h.document.layout?.steps.welcome).toEqual({ x: 0, y: 0 });
    expect(h.document.name).toBe('Server rename');
  });

  it('a change that does nothing records nothing', () => {
    const h = record(createHistory(firstDoseCheckIn), { type: 'set-start', stepId: 'welcome' });
    expect(h.undoStack).toHaveLength(0);
  });

  it('undoes a layout block it created', () => {
    const { layout: _l, ...noLayout } = firstDoseCheckIn;
    let h = createHistory(noLayout);
    h = record(h, { type: 'move-step', stepId: 'welcome', position: { x: 1, y: 1 } });
    expect(h.document.layout).toBeDefined();
    h = undo(h);
    expect(h.document).toEqual(noLayout);
  });
});
