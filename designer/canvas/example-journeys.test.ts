import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { JourneyDocument, outputsOf, validateJourney } from '../../schema/index.js';
import { documentToGraph } from '../model/projection.js';
import { stepNodeHeight, stepNodeWidth } from '../model/auto-layout.js';
import { describeStep, type StepSansOutputs } from '../model/step-summary.js';
import { emptyOverlay } from '../model/path-overlay.js';
import { viewGraph } from './view-graph.js';
import { nodeTypeOf } from './nodes/index.js';

const dir = resolve('examples/journeys');
const examples = readdirSync(dir).filter((f) => f.endsWith('.journey.json'));
const base = { problems: new Map(), overlay: emptyOverlay, selectedEdgeIds: new Set<string>(), measured: new Map() };

describe('the example journeys on the canvas', () => {
  it('are there to open', () => expect(examples.length).toBeGreaterThan(0));

  it.each(examples)(
    '%s: every step is a node with a summary, its outputs as handles, its connections as edges',
    (file) => {
      const document = JourneyDocument.parse(JSON.parse(readFileSync(join(dir, file), 'utf8')));
      expect(validateJourney(document).problems.filter((p) => p.code.startsWith('structure.'))).toEqual([]);
      const { nodes, edges } = viewGraph(documentToGraph(document), base);
      expect(nodes.map((n) => n.id).sort()).toEqual(Object.keys(document.steps).sort());
      for (const node of nodes) {
        const step = document.steps[node.id];
        expect(node.data.outputs).toEqual(outputsOf(step));
        expect(nodeTypeOf(step.type) === step.type || describeStep(step as StepSansOutputs) !== undefined).toBe(true);
        expect(Number.isFinite(node.position.x) && Number.isFinite(node.position.y)).toBe(true);
      }
      expect(edges).toHaveLength(Object.values(document.steps).reduce((n, s) => n + Object.keys(s.outputs).length, 0));
    },
  );

  it.each(examples)('%s: auto-laid-out nodes do not overlap', (file) => {
    const { layout: _stored, ...document } = JourneyDocument.parse(JSON.parse(readFileSync(join(dir, file), 'utf8')));
    const { nodes } = documentToGraph(document as JourneyDocument);
    const boxes = nodes.map((n) => ({
      id: n.id,
      x: n.position.x,
      y: n.position.y,
      w: stepNodeWidth(document.steps[n.id]),
      h: stepNodeHeight(document.steps[n.id]),
    }));
    for (const a of boxes) {
      for (const b of boxes) {
        if (a.id >= b.id) continue;
        const overlap = a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
        expect(overlap, `${a.id} overlaps ${b.id}`).toBe(false);
      }
    }
  });
});
