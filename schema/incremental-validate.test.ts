/** The remembering validator gives exactly the full validator's answer, edit after edit, on every example journey. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createJourneyValidator, validateJourney } from './index.js';

type Doc = Record<string, unknown> & {
  steps: Record<string, Record<string, unknown>>;
  layout?: { steps: Record<string, unknown> };
};

const folder = new URL('../examples/journeys/', import.meta.url);
const examples = readdirSync(folder)
  .filter((name) => name.endsWith('.journey.json'))
  .map((name) => ({ name, document: JSON.parse(readFileSync(new URL(name, folder), 'utf8')) as Doc }));

/** One edit as the designer makes it: a new object for what changes, the same objects for everything else. */
type Edit = (doc: Doc, stepId: string) => Doc;
const withStep = (doc: Doc, stepId: string, step: Record<string, unknown>): Doc => ({
  ...doc,
  steps: { ...doc.steps, [stepId]: step },
});
const edits: Record<string, Edit> = {
  rename: (doc, id) => withStep(doc, id, { ...doc.steps[id], name: `Renamed ${id}` }),
  'template naming an undeclared attribute': (doc, id) =>
    doc.steps[id].type === 'message'
      ? withStep(doc, id, { ...doc.steps[id], template: 'Hi {{ patient.undeclaredThing }}' })
      : doc,
  'empty template': (doc, id) =>
    doc.steps[id].type === 'message' ? withStep(doc, id, { ...doc.steps[id], template: '' }) : doc,
  'unknown field (a structure problem)': (doc, id) => withStep(doc, id, { ...doc.steps[id], colour: 'red' }),
  'disconnect every output': (doc, id) => withStep(doc, id, { ...doc.steps[id], outputs: {} }),
  'remove the step': (doc, id) => {
    const steps = { ...doc.steps };
    delete steps[id];
    return { ...doc, steps };
  },
  'drop the attribute declarations': (doc) => ({ ...doc, attributes: {} }),
  'drop the consent purpose': (doc) => ({
    ...doc,
    settings: { ...(doc.settings as object), consentPurpose: undefined },
  }),
  'drop the events': (doc) => ({ ...doc, events: {} }),
  'rename the journey': (doc) => ({ ...doc, name: 'Another name' }),
  'move a step': (doc, id) => ({ ...doc, layout: { steps: { ...doc.layout?.steps, [id]: { x: 7, y: 9 } } } }),
  'a layout position that is not a number (a structure problem)': (doc, id) => ({
    ...doc,
    layout: { steps: { [id]: { x: 'left', y: 0 } } },
  }),
  'empty name (a structure problem)': (doc) => ({ ...doc, name: '' }),
  'restore the original': (doc) => doc,
};
const editNames = Object.keys(edits);

describe('createJourneyValidator', () => {
  it('answers as validateJourney does after any sequence of edits', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...examples),
        fc.array(fc.record({ edit: fc.constantFrom(...editNames), step: fc.nat(), fromOriginal: fc.boolean() }), {
          minLength: 1,
          maxLength: 12,
        }),
        ({ document }, sequence) => {
          const validate = createJourneyValidator();
          let current = document;
          expect(validate(current)).toEqual(validateJourney(current));
          for (const { edit, step, fromOriginal } of sequence) {
            const base = fromOriginal ? document : current;
            const ids = Object.keys(base.steps);
            if (ids.length === 0) continue;
            current = edits[edit](base, ids[step % ids.length]);
            expect(validate(current)).toEqual(validateJourney(current));
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('keeps a step it has checked and checks again only the one that changed', () => {
    const validate = createJourneyValidator();
    const { document } = examples.find((e) => e.name.startsWith('pharmacy-refill'))!;
    const first = validate(document);
    const [changed, ...others] = Object.keys(document.steps);
    const next = validate(withStep(document, changed, { ...document.steps[changed], name: 'Changed' }));
    // An unchanged step's parsed object is the same one: it was neither parsed nor checked again.
    for (const id of others) expect(next.document!.steps[id]).toBe(first.document!.steps[id]);
    expect(next.document!.steps[changed]).not.toBe(first.document!.steps[changed]);
    expect(next.document!.steps[changed].name).toBe('Changed');
  });
});
