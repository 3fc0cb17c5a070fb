/** Benchmark: how long hostile expressions and templates take to be refused by their size and memory limits (the tests assert the limits, not the time). */
import { checkExpression, evaluateExpression, type ExpressionDeclarations } from '../../schema/expressions/index.js';
import { renderTemplate } from '../../schema/templates/index.js';
import type { BenchTable } from './results-file.js';
import { compareMs, formatMs } from './timing.js';

const decls: ExpressionDeclarations = { attributes: { age: { type: 'number' }, therapy: { type: 'string' } } };
const list = '[' + Array.from({ length: 100 }, (_, i) => i).join(',') + ']';

const expressions: [string, string][] = [
  ['100k-character expression', 'patient.age > 1 && '.repeat(6000) + 'true'],
  ['900 nested parentheses', '('.repeat(900) + '1' + ')'.repeat(900)],
  ['1,500 negations', '!'.repeat(1500) + 'true'],
  ['500 nested lists', '['.repeat(500) + ']'.repeat(500)],
  ['600 nested calls', 'f('.repeat(600)],
  ['100 × 100 loop (allowed, runs)', `${list}.exists(a, ${list}.exists(b, a * b == 9801))`],
];

const templates: [string, string][] = [
  ['loop of 100,000,000', '{% for i in (1..100000000) %}{{ i }}{% endfor %}'],
  [
    'doubling a string 40 times',
    '{% assign s = "0123456789" %}{% for i in (1..40) %}{% assign s = s | append: s %}{% endfor %}{{ s }}',
  ],
  ['output past 100,000 characters', '{% for i in (1..2000) %}' + '{{ patient.therapy }}'.repeat(6) + '{% endfor %}'],
];

const patient = { patient: { therapy: 'adalimumab '.repeat(10) } };

export async function benchHostileInput(): Promise<BenchTable> {
  const rows: string[][] = [];
  for (const [name, source] of expressions) {
    rows.push([
      'expression check',
      name,
      formatMs((await compareMs([() => checkExpression(source, decls, 'any')], 50))[0]),
    ]);
    rows.push([
      'expression evaluate',
      name,
      formatMs((await compareMs([() => evaluateExpression(source, {}, decls)], 50))[0]),
    ]);
  }
  for (const [name, source] of templates) {
    const render = () => {
      try {
        renderTemplate(source, patient);
      } catch {
        // Refused, as it should be: the time to refuse is the measurement.
      }
    };
    rows.push(['template render', name, formatMs((await compareMs([render], 2, 3))[0])]);
  }
  return {
    title: 'Hostile input',
    description: `
\`test/bench/hostile-input.bench.ts\`: the time to refuse the hostile expressions and templates of
\`schema/expressions/evaluate.test.ts\` and \`schema/templates/render.test.ts\` (those tests assert which limit stops
each one; how fast is read here). CPU time per call, median of rounds after a warm-up. Expression checks are cached by source, so a repeated check costs a lookup.`,
    header: ['what', 'input', 'CPU per call'],
    rows,
  };
}
