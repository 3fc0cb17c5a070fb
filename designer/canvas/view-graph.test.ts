import { describe, expect, it } from 'vitest';
import { viewGraph } from './view-graph.js';
import { documentToGraph } from '../model/projection.js';
import { firstDoseCheckIn } from '../model/fixtures.js';
import { emptyOverlay, pathOverlay } from '../model/path-overlay.js';
import { validateJourney } from '../../schema/index.js';
import { problemsByStep } from '../model/problems-by-step.js';
import { applyChange } from '../model/changes.js';
import { nodeWidth, outputOffsets } from '../model/auto-layout.js';

const base = { problems: new Map(), overlay: emptyOverlay, selectedEdgeIds: new Set<string>(), measured: new Map() };

describe('viewGraph', () => {
  it('gives every node its handles (outputs), which are required, and which are connected', () => {
    const { nodes } = viewGraph(documentToGraph(firstDoseCheckIn), base);
    const ask = nodes.find((n) => n.id === 'ask-first-dose')!;
    expect(ask.data.outputs).toEqual(['yes', 'no', 'timeout', 'failed']);
    expect(ask.data.required).toEqual(['yes', 'no', 'timeout']);
    expect(ask.data.connected).toEqual(['yes', 'no', 'timeout']);
  });

  it('labels an edge only with the patients who passed it; the output name is on the card where it starts', () => {
    const plain = viewGraph(documentToGraph(firstDoseCheckIn), base).edges;
    expect(plain.every((e) => e.type === 'output' && e.label === undefined)).toBe(true);
    const liveCounts = { atStep: {}, passed: { 'ask-first-dose.yes': 12 } };
    const counted = viewGraph(documentToGraph(firstDoseCheckIn), { ...base, liveCounts }).edges;
    expect(counted.find((e) => e.id === 'ask-first-dose:yes')!.label).toBe('12');
  });

  it('puts validation problems on the step they belong to', () => {
    const welcome = firstDoseCheckIn.steps.welcome;
    const broken = applyChange(firstDoseCheckIn, {
      type: 'update-step',
      stepId: 'welcome',
      step: { ...welcome, template: ' ' } as typeof welcome,
    });
    const problems = problemsByStep(validateJourney(broken).problems);
    const { nodes } = viewGraph(documentToGraph(broken), { ...base, problems });
    expect(nodes.find((n) => n.id === 'welcome')!.data.problems.map((p) => p.code)).toEqual(['message.empty-template']);
    expect(nodes.find((n) => n.id === 'end-well')!.data.problems).toEqual([]);
  });

  it('marks the path: visited and current steps, taken edges animated', () => {
    const overlay = pathOverlay({
      status: 'running',
      visits: {},
      timers: [],
      attributes: {},
      sequence: 0,
      startedAt: 0,
      phase: { kind: 'waiting', step: 'wait-two-days', visit: 1, timerId: 't', until: 1 },
      path: [
        { step: 'welcome', visit: 1, enteredAt: 0, output: 'next' },
        { step: 'wait-two-days', visit: 1, enteredAt: 1 },
      ],
    });
    const { nodes, edges } = viewGraph(documentToGraph(firstDoseCheckIn), { ...base, overlay });
    expect(nodes.find((n) => n.id === 'welcome')!.data.path).toBe('visited');
    expect(nodes.find((n) => n.id === 'wait-two-days')!.data.path).toBe('current');
    expect(nodes.find((n) => n.id === 'end-well')!.data.path).toBeUndefined();
    expect(edges.filter((e) => e.animated).map((e) => e.id)).toEqual(['welcome:next']);
    expect(edges.find((e) => e.id === 'welcome:next')!.className).toBe('edge-taken');
  });
});

describe('node sizing', () => {
  it('gives each output a slot as wide as its label and widens the node to fit them', () => {
    expect(nodeWidth(['next'])).toBe(240);
    const outputs = ['minimal', 'mild', 'moderate', 'moderately-severe', 'severe', 'out-of-range', 'capped'];
    expect(nodeWidth(outputs)).toBeGreaterThan(500);
    const offsets = outputOffsets(outputs);
    expect(offsets).toHaveLength(outputs.length);
    expect([...offsets].sort((a, b) => a - b)).toEqual(offsets);
    expect(offsets[0]).toBeGreaterThan(0);
    expect(offsets[offsets.length - 1]).toBeLessThan(100);
  });
});
