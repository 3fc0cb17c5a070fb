import { describe, expect, it } from 'vitest';
import { firstDoseCheckIn } from '../model/fixtures.js';
import { applyChange } from '../model/changes.js';
import { documentToGraph } from '../model/projection.js';
import type { JourneyDocument } from '../../schema/index.js';
import { viewGraph, type ViewOptions } from './view-graph.js';
import { createViewCache, reuseEdges, reuseNodes } from './view-cache.js';

const options: ViewOptions = {
  problems: new Map(),
  overlay: { visitedSteps: new Set(), takenEdges: new Set() },
  selectedEdgeIds: new Set(),
  measured: new Map(),
};

function render(
  cache: ReturnType<typeof createViewCache>,
  document: JourneyDocument,
  extra: Partial<ViewOptions> = {},
) {
  const view = viewGraph(documentToGraph(document), { ...options, ...extra });
  return { nodes: reuseNodes(cache, document.steps, view.nodes), edges: reuseEdges(cache, view.edges) };
}

describe('the view cache', () => {
  it('keeps every node object but the edited step when one step changes', () => {
    const cache = createViewCache();
    const before = render(cache, firstDoseCheckIn);
    const welcome = firstDoseCheckIn.steps.welcome;
    const edited = applyChange(firstDoseCheckIn, {
      type: 'update-step',
      stepId: 'welcome',
      step: { ...welcome, name: 'Hello' } as typeof welcome,
    });
    const after = render(cache, edited);
    const changed = after.nodes.filter((node, i) => node !== before.nodes[i]).map((node) => node.id);
    expect(changed).toEqual(['welcome']);
    // Not even a new array: React Flow rebuilds its connection lookups whenever the edges array changes.
    expect(after.edges).toBe(before.edges);
  });

  it('gives a moved step a new object, and only that step', () => {
    const cache = createViewCache();
    const before = render(cache, firstDoseCheckIn);
    const moved = applyChange(firstDoseCheckIn, {
      type: 'move-step',
      stepId: 'wait-two-days',
      position: { x: 900, y: 900 },
    });
    const after = render(cache, moved);
    const changed = after.nodes.filter((node, i) => node !== before.nodes[i]).map((node) => node.id);
    expect(changed).toEqual(['wait-two-days']);
    expect(after.nodes.find((n) => n.id === 'wait-two-days')?.position).toEqual({ x: 900, y: 900 });
  });

  it('redraws a step whose problems or selection change', () => {
    const cache = createViewCache();
    const before = render(cache, firstDoseCheckIn);
    const problem = { code: 'x', pointer: '/steps/welcome', severity: 'error' as const, message: 'Broken' };
    const after = render(cache, firstDoseCheckIn, {
      problems: new Map([['welcome', [problem]]]),
      selectedStepId: 'end-well',
    });
    const changed = after.nodes
      .filter((node, i) => node !== before.nodes[i])
      .map((node) => node.id)
      .sort();
    expect(changed).toEqual(['end-well', 'welcome']);
  });
});
