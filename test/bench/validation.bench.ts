/** Benchmark: validating a 500- and a 2,000-step journey, whole and after a one-step edit with the designer's remembering validator. */
import { createJourneyValidator, validateJourney, type JourneyDocument } from '../../schema/index.js';
import { largeJourney } from './designer/large-journey.js';
import type { BenchTable } from './results-file.js';
import { compareMs, formatMs } from './timing.js';

/** A fresh object for one step on every call, as an edit in the inspector makes; the others stay the same objects. */
function edits(document: JourneyDocument, field: 'name' | 'template') {
  const stepId = Object.keys(document.steps).find((id) => document.steps[id].type === 'message')!;
  let n = 0;
  return () => {
    const step = document.steps[stepId] as JourneyDocument['steps'][string] & { template: string };
    const value = field === 'name' ? `Edited ${n++}` : `${step.template} ${n++}`;
    return { ...document, steps: { ...document.steps, [stepId]: { ...step, [field]: value } } };
  };
}

export async function benchValidation(): Promise<BenchTable> {
  const rows: string[][] = [];
  for (const size of [500, 2_000]) {
    const document = largeJourney(size);
    const steps = String(Object.keys(document.steps).length);
    const validate = createJourneyValidator();
    validate(document);
    const rename = edits(document, 'name');
    const keystroke = edits(document, 'template');
    const [whole, renamed, typed, unchanged] = await compareMs(
      [
        () => validateJourney(document),
        () => validate(rename()),
        () => validate(keystroke()),
        () => validate({ ...document }),
      ],
      10,
    );
    rows.push([steps, 'validateJourney, the whole journey (server, CLI)', formatMs(whole)]);
    rows.push([steps, 'designer validator, a step renamed', formatMs(renamed)]);
    rows.push([steps, 'designer validator, a keystroke in a message text', formatMs(typed)]);
    rows.push([steps, 'designer validator, nothing changed', formatMs(unchanged)]);
  }
  return {
    title: 'Journey validation',
    description: `
\`test/bench/validation.bench.ts\`: CPU time per validation of a generated journey (\`designer/large-journey.ts\`),
median of seven interleaved rounds after a warm-up. The designer keeps one \`createJourneyValidator()\` per editor: it
parses and checks again only the steps that are new objects and reuses the rest (goal: 2,000 steps in ≤ 20 ms); the
graph and journey-wide rules run every time.`,
    header: ['steps', 'what', 'CPU per validation'],
    rows,
  };
}
