/** `npm run bench`: runs the benchmarks, prints a table, and records the run in test/bench/RESULTS.md. No assertions: numbers are for reading. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchSimulateCohort, type BenchResult } from './simulate-cohort.bench.js';

const here = dirname(fileURLToPath(import.meta.url));
const resultsFile = join(here, 'RESULTS.md');
const patients = Number(process.env.BENCH_PATIENTS ?? 10_000);

const results: BenchResult[] = [benchSimulateCohort(patients)];

const machine = `${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'})`;
const date = new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
const header = [
  'date',
  'machine',
  'node',
  'benchmark',
  'journey',
  'patients',
  'wall time',
  'patients/s',
  'events',
  'events/s',
  'outcome',
];
const rows = results.map((r) => [
  date,
  machine,
  process.version,
  r.name,
  r.journey,
  String(r.patients),
  `${(r.wallMs / 1000).toFixed(2)} s`,
  r.patientsPerSecond.toFixed(0),
  String(r.events),
  r.eventsPerSecond.toFixed(0),
  r.note,
]);

const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
const print = (cells: string[]) => console.log(cells.map((c, i) => c.padEnd(widths[i])).join('  '));
print(header);
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
rows.forEach(print);

/** The file keeps its introduction and the latest runs, newest first; older rows fall off after 30. */
const intro = `# Benchmark results

Written by \`npm run bench\` (\`tsx test/bench/run.ts\`; \`BENCH_PATIENTS\` changes the cohort size). The simulator runs
the pharmacy-refill journey with \`test/bench/refill-personas.json\` (60% reply 1, 20% reply 2, 20% silent) on a
virtual clock, after a warm-up run; wall time is the cohort alone, without writing paths. Events are engine events
(start, timers, deliveries, replies, task outcomes, scheduled events).

`;
const tableHead = `| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|\n`;
const previous = existsSync(resultsFile)
  ? readFileSync(resultsFile, 'utf8')
      .split('\n')
      .filter((line) => /^\| \d{4}-/.test(line))
  : [];
const lines = [...rows.map((row) => `| ${row.join(' | ')} |`), ...previous].slice(0, 30);
writeFileSync(resultsFile, intro + tableHead + lines.join('\n') + '\n');
console.log(`\nrecorded in ${resultsFile}`);
