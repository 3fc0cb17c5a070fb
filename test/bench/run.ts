/** `npm run bench`: runs the benchmarks, prints their tables, and records the run in test/bench/RESULTS.md. No assertions: numbers are for reading. */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchContentHash } from './content-hash.bench.js';
import { benchHostileInput } from './hostile-input.bench.js';
import { printTable, recordJson, recordResults, type BenchTable } from './results-file.js';
import { benchDesignerCanvas } from './designer/canvas.bench.js';
import { benchSimulateCohort } from './simulate-cohort.bench.js';
import { benchTemporalWorkflow } from './temporal/workflow.bench.js';
import { benchValidation } from './validation.bench.js';

const here = dirname(fileURLToPath(import.meta.url));
const resultsFile = join(here, 'RESULTS.md');
const patients = Number(process.env.BENCH_PATIENTS ?? 10_000);

function simulateCohortTable(): BenchTable {
  const r = benchSimulateCohort(patients);
  return {
    title: 'Simulate a cohort',
    description: `
The simulator runs the pharmacy-refill journey with \`test/bench/refill-personas.json\` (60% reply 1, 20% reply 2, 20%
silent) on a virtual clock, after a warm-up run; wall time is the cohort alone, without writing paths. Events are
engine events (start, timers, deliveries, replies, task outcomes, scheduled events). \`BENCH_PATIENTS\` changes the
cohort size.`,
    header: ['benchmark', 'journey', 'patients', 'wall time', 'patients/s', 'events', 'events/s', 'outcome'],
    rows: [
      [
        r.name,
        r.journey,
        String(r.patients),
        `${(r.wallMs / 1000).toFixed(2)} s`,
        r.patientsPerSecond.toFixed(0),
        String(r.events),
        r.eventsPerSecond.toFixed(0),
        r.note,
      ],
    ],
  };
}

/** Every benchmark by a short name; `BENCH_ONLY=hash,hostile` runs a subset. */
const benchmarks: Record<string, () => BenchTable | Promise<BenchTable>> = {
  simulate: simulateCohortTable,
  hash: benchContentHash,
  validation: benchValidation,
  hostile: benchHostileInput,
  designer: benchDesignerCanvas,
  workflow: benchTemporalWorkflow,
};

const only = process.env.BENCH_ONLY?.split(',').map((name) => name.trim());
const tables: BenchTable[] = [];
for (const [name, run] of Object.entries(benchmarks)) {
  if (only && !only.includes(name)) continue;
  const table = await run();
  printTable(table);
  tables.push(table);
}

const intro = `# Benchmark results

Written by \`npm run bench\` (\`tsx test/bench/run.ts\`; \`BENCH_ONLY=simulate,hash,hostile\` runs a subset). Each
section keeps its latest runs, newest first, with the machine they ran on. Tests never assert timings; the numbers
live here.`;
recordResults(resultsFile, intro, tables);
recordJson(join(here, 'results.json'), tables);
console.log(`\nrecorded in ${resultsFile}`);
