import { describe, expect, it } from 'vitest';
import { applyChange, applyChanges, journeyFieldsOf } from './changes.js';
import { emptyJourney, firstDoseCheckIn } from './fixtures.js';
import { createStep, freshStepId } from './step-ids.js';
import { validateJourney, type MessageStep } from '../../schema/index.js';

describe('applyChange', () => {
  it('add-step: the first step on an empty journey becomes the start, with its drop position stored', () => {
    const doc = applyChange(emptyJourney(), {
      type: 'add-step',
      stepId: 'message-1',
      step: createStep('message', 'message-1'),
      position: { x: 10, y: 20 },
    });
    expect(doc.start).toBe('message-1');
    expect(doc.steps['message-1']).toMatchObject({
      type: 'message',
      name: 'Message 1',
      connector: 'dev',
      channel: 'sms',
    });
    expect(doc.layout?.steps['message-1']).toEqual({ x: 10, y: 20 });
    const second = applyChange(doc, { type: 'add-step', stepId: 'end-1', step: createStep('end', 'end-1') });
    expect(second.start).toBe('message-1');
  });

  it('add-step: refuses an id already in use', () => {
    expect(
      applyChange(firstDoseCheckIn, { type: 'add-step', stepId: 'welcome', step: createStep('end', 'welcome') }),
    ).toBe(firstDoseCheckIn);
  });

  it('remove-step: removes the step, its position, and every output that led to it', () => {
    const doc = applyChange(firstDoseCheckIn, { type: 'remove-step', stepId: 'end-well' });
    expect(doc.steps).not.toHaveProperty('end-well');
    expect(doc.layout?.steps).not.toHaveProperty('end-well');
    expect(doc.steps['ask-first-dose'].outputs).toEqual({ no: 'end-follow-up', timeout: 'end-no-reply' });
    expect(firstDoseCheckIn.steps['ask-first-dose'].outputs).toHaveProperty('yes');
  });

  it('connect and disconnect: set and clear one output', () => {
    const disconnected = applyChange(firstDoseCheckIn, { type: 'disconnect', source: 'welcome', output: 'next' });
    expect(disconnected.steps.welcome.outputs).toEqual({});
    expect(validateJourney(disconnected).problems.map((p) => p.code)).toContain('graph.unconnected-output');
    const connected = applyChange(disconnected, {
      type: 'connect',
      source: 'welcome',
      output: 'next',
      target: 'wait-two-days',
    });
    expect(connected).toEqual(firstDoseCheckIn);
    expect(
      applyChange(firstDoseCheckIn, { type: 'connect', source: 'welcome', output: 'next', target: 'nowhere' }),
    ).toBe(firstDoseCheckIn);
  });

  it('update-step: replaces the step and drops outputs it no longer offers', () => {
    const ask = firstDoseCheckIn.steps['ask-first-dose'] as MessageStep;
    const withoutNo: MessageStep = {
      ...ask,
      await: { ...ask.await!, classes: ask.await!.classes.filter((c) => c.id !== 'no') },
    };
    const doc = applyChange(firstDoseCheckIn, { type: 'update-step', stepId: 'ask-first-dose', step: withoutNo });
    expect(doc.steps['ask-first-dose'].outputs).toEqual({ yes: 'end-well', timeout: 'end-no-reply' });
    const noAwait: MessageStep = { ...ask, await: undefined };
    expect(
      applyChange(firstDoseCheckIn, { type: 'update-step', stepId: 'ask-first-dose', step: noAwait }).steps[
        'ask-first-dose'
      ].outputs,
    ).toEqual({});
  });

  it('move-step: stores the new position, and creates the layout block when there is none', () => {
    const moved = applyChange(firstDoseCheckIn, { type: 'move-step', stepId: 'welcome', position: { x: 5, y: 6 } });
    expect(moved.layout?.steps.welcome).toEqual({ x: 5, y: 6 });
    const { layout: _none, ...withoutLayout } = emptyJourney();
    const doc = applyChange(withoutLayout, { type: 'add-step', stepId: 'end-1', step: createStep('end', 'end-1') });
    expect(doc.layout).toBeUndefined();
    expect(applyChange(doc, { type: 'move-step', stepId: 'end-1', position: { x: 1, y: 2 } }).layout).toEqual({
      steps: { 'end-1': { x: 1, y: 2 } },
    });
  });

  it('set-start: only to an existing step', () => {
    expect(applyChange(firstDoseCheckIn, { type: 'set-start', stepId: 'wait-two-days' }).start).toBe('wait-two-days');
    expect(applyChange(firstDoseCheckIn, { type: 'set-start', stepId: 'ghost' })).toBe(firstDoseCheckIn);
  });

  it('rename-journey and replace-document', () => {
    expect(applyChange(firstDoseCheckIn, { type: 'rename-journey', name: 'Renamed' }).name).toBe('Renamed');
    const other = emptyJourney('Other');
    expect(applyChange(firstDoseCheckIn, { type: 'replace-document', document: other })).toBe(other);
  });

  it('builds a valid journey from an empty one through changes alone', () => {
    const doc = applyChanges(emptyJourney(), [
      {
        type: 'add-step',
        stepId: 'message-1',
        step: { ...createStep('message', 'message-1'), template: 'Hello' } as MessageStep,
      },
      { type: 'add-step', stepId: 'wait-1', step: createStep('wait', 'wait-1') },
      { type: 'add-step', stepId: 'end-1', step: createStep('end', 'end-1') },
      { type: 'connect', source: 'message-1', output: 'next', target: 'wait-1' },
      { type: 'connect', source: 'wait-1', output: 'next', target: 'end-1' },
    ]);
    expect(validateJourney(doc)).toMatchObject({ ok: true, problems: [] });
  });
});

describe('freshStepId', () => {
  it('picks the lowest free number for the type', () => {
    const doc = applyChange(emptyJourney(), { type: 'add-step', stepId: 'wait-1', step: createStep('wait', 'wait-1') });
    expect(freshStepId(doc, 'wait')).toBe('wait-2');
    expect(freshStepId(doc, 'message')).toBe('message-1');
  });
});

describe('update-journey', () => {
  it('replaces journey-level fields, keeps steps, start and layout, and drops cleared optional fields', () => {
    const fields = journeyFieldsOf(firstDoseCheckIn);
    const { description: _gone, ...withoutDescription } = fields;
    const next = applyChange(firstDoseCheckIn, {
      type: 'update-journey',
      journey: { ...withoutDescription, settings: { ...fields.settings, smsSegmentBudget: 2 } },
    });
    expect(next.description).toBeUndefined();
    expect('description' in next).toBe(false);
    expect(next.settings.smsSegmentBudget).toBe(2);
    expect(next.steps).toBe(firstDoseCheckIn.steps);
    expect(next.start).toBe(firstDoseCheckIn.start);
    expect(next.layout).toBe(firstDoseCheckIn.layout);
  });
});
