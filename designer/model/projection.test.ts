import { describe, expect, it } from 'vitest';
import { documentToGraph, edgeId, graphToDocument } from './projection.js';
import { emptyJourney, firstDoseCheckIn } from './fixtures.js';
import type { JourneyDocument } from '../../schema/index.js';

describe('documentToGraph', () => {
  it('makes one node per step, placed at its stored layout position, with the start marked', () => {
    const graph = documentToGraph(firstDoseCheckIn);
    expect(graph.nodes.map((n) => n.id)).toEqual([
      'welcome',
      'wait-two-days',
      'ask-first-dose',
      'end-well',
      'end-follow-up',
      'end-no-reply',
    ]);
    const welcome = graph.nodes.find((n) => n.id === 'welcome')!;
    expect(welcome.type).toBe('message');
    expect(welcome.data.isStart).toBe(true);
    expect(welcome.data.step).not.toHaveProperty('outputs');
    expect(graph.nodes.find((n) => n.id === 'end-well')!.position).toEqual(firstDoseCheckIn.layout!.steps['end-well']);
    expect(graph.nodes.every((n) => n.data.hasStoredPosition)).toBe(true);
  });

  it('makes one edge per connected output, leaving from the handle named after the output', () => {
    const graph = documentToGraph(firstDoseCheckIn);
    const ask = graph.edges.filter((e) => e.source === 'ask-first-dose');
    expect(ask.map((e) => [e.id, e.sourceHandle, e.target])).toEqual([
      [edgeId('ask-first-dose', 'yes'), 'yes', 'end-well'],
      ['ask-first-dose:no', 'no', 'end-follow-up'],
      ['ask-first-dose:timeout', 'timeout', 'end-no-reply'],
    ]);
    expect(graph.edges).toHaveLength(5);
  });

  it('lays out steps that have no stored position, top to bottom along the outputs', () => {
    const { layout: _layout, ...withoutLayout } = firstDoseCheckIn;
    const graph = documentToGraph(withoutLayout as JourneyDocument);
    const y = (id: string) => graph.nodes.find((n) => n.id === id)!.position.y;
    expect(y('welcome')).toBeLessThan(y('wait-two-days'));
    expect(y('wait-two-days')).toBeLessThan(y('ask-first-dose'));
    expect(y('ask-first-dose')).toBeLessThan(y('end-well'));
    expect(graph.nodes.every((n) => !n.data.hasStoredPosition)).toBe(true);
  });
});

describe('graphToDocument', () => {
  it('round-trips the example journey exactly', () => {
    expect(graphToDocument(documentToGraph(firstDoseCheckIn))).toEqual(firstDoseCheckIn);
  });

  it('round-trips a journey without a layout block without inventing one', () => {
    const { layout: _layout, ...withoutLayout } = firstDoseCheckIn;
    expect(graphToDocument(documentToGraph(withoutLayout as JourneyDocument))).toEqual(withoutLayout);
  });

  it('round-trips an empty journey', () => {
    expect(graphToDocument(documentToGraph(emptyJourney()))).toEqual(emptyJourney());
  });

  it('turns an added edge into the step output it stands for', () => {
    const graph = documentToGraph(firstDoseCheckIn);
    graph.edges = graph.edges.filter((e) => e.id !== 'welcome:next');
    graph.edges.push({
      id: 'welcome:next',
      source: 'welcome',
      sourceHandle: 'next',
      target: 'ask-first-dose',
      data: { output: 'next' },
    });
    expect(graphToDocument(graph).steps.welcome.outputs).toEqual({ next: 'ask-first-dose' });
  });
});
