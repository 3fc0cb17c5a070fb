/**
 * `BENCH_ONLY=workflow`: the first-dose check-in as Carepath's interpreted enrollment workflow and as a hand-written
 * Temporal workflow, on one dev server in the same run, each with its own worker process (same activities, same
 * settings, same encrypting data converter). Reports throughput, history events, worker CPU and peak memory.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';
import { enrollmentWorkflowBundle, workflowBundleWebpackConfig } from '../../../runtime/temporal/workflow-bundle.js';
import { failureConverterPath } from '../../../runtime/temporal/data-converter.js';
import { replyUpdate } from '../../../runtime/temporal/reply-update.js';
import { startEnrollment } from '../../../runtime/temporal/client.js';
import { daytimeZone } from '../../support/daytime-zone.js';
import { createLocalEnv } from '../../support/temporal.js';
import type { BenchTable } from '../results-file.js';
import type { WorkerReport } from './bench-worker.js';
import { benchJourney, WAIT_MS } from './journey.js';

const workflows = Number(process.env.BENCH_WORKFLOWS ?? 200);
/** Histories read per variant to count events (all runs of one variant have the same shape). */
const HISTORY_SAMPLE = 10;

interface Variant {
  name: string;
  bundleCode: string;
  start: (client: Client, taskQueue: string, workflowId: string, i: number) => Promise<unknown>;
}

interface VariantResult {
  name: string;
  wallMs: number;
  historyEvents: number;
  cpuMsPerWorkflow: number;
  maxRssMb: number;
  startRssMb: number;
  bundleKb: number;
  /** The machine's one-minute load average when the variant started: the machine is shared. */
  load: number;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A promise with its resolve at hand (Node 20 has no Promise.withResolvers). */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

/** Starts the worker process and resolves once it polls; `asked` hears of each question sent; `stop` resolves with its report. */
async function startWorker(address: string, taskQueue: string, codePath: string, asked: (workflowId: string) => void) {
  const child = fork(fileURLToPath(new URL('./bench-worker.ts', import.meta.url)), [address, taskQueue, codePath], {
    execArgv: ['--import', 'tsx'],
  });
  let report: (value: WorkerReport) => void = () => {};
  await new Promise<void>((resolve, reject) => {
    child.on('message', (message) => {
      if (message === 'ready') resolve();
      else if (typeof message === 'object' && message && 'asked' in message) asked(String(message.asked));
      else report(message as WorkerReport);
    });
    child.once('exit', (code) => reject(new Error(`the benchmark worker exited early (${code})`)));
  });
  return {
    stop: () =>
      new Promise<WorkerReport>((resolve) => {
        report = resolve;
        child.send('stop');
      }),
  };
}

/**
 * Replies "1" once the question went out, as a patient would. The workflow may not have applied the send's completion
 * yet, so its Update validator can still refuse; such a reply is tried again shortly (rarely more than once).
 */
async function replyWhenAsked(client: Client, workflowId: string, asked: Promise<void>): Promise<void> {
  const handle = client.workflow.getHandle(workflowId);
  await asked;
  for (;;) {
    try {
      await handle.executeUpdate(replyUpdate, { args: [{ text: '1', messageId: 'bench' }] });
      break;
    } catch (err) {
      if (!(err instanceof WorkflowUpdateFailedError)) throw err;
      await pause(100);
    }
  }
  await handle.result();
}

async function runVariant(client: Client, address: string, dir: string, variant: Variant): Promise<VariantResult> {
  const slug = variant.name.replace(/\W+/g, '-');
  const taskQueue = `bench-${slug}`;
  const codePath = join(dir, `${slug}.js`);
  writeFileSync(codePath, variant.bundleCode);
  const ids = Array.from({ length: workflows }, (_, i) => `bench-${slug}-${i}`);
  const questions = new Map(ids.map((id) => [id, deferred()]));
  const worker = await startWorker(address, taskQueue, codePath, (id) => questions.get(id)?.resolve());
  const load = loadavg()[0];
  const started = performance.now();
  await Promise.all(
    ids.map(async (workflowId, i) => {
      await variant.start(client, taskQueue, workflowId, i);
      await replyWhenAsked(client, workflowId, questions.get(workflowId)!.promise);
    }),
  );
  const wallMs = performance.now() - started;
  const report = await worker.stop();
  let events = 0;
  for (const workflowId of ids.slice(0, HISTORY_SAMPLE))
    events += (await client.workflow.getHandle(workflowId).fetchHistory()).events?.length ?? 0;
  return {
    name: variant.name,
    wallMs,
    historyEvents: events / HISTORY_SAMPLE,
    cpuMsPerWorkflow: report.cpuMicros / 1000 / workflows,
    maxRssMb: report.maxRssKb / 1024,
    startRssMb: report.startRssKb / 1024,
    bundleKb: Buffer.byteLength(variant.bundleCode) / 1024,
    load,
  };
}

async function variants(): Promise<Variant[]> {
  const definition = benchJourney();
  const timeZone = daytimeZone();
  const handWritten = await bundleWorkflowCode({
    workflowsPath: fileURLToPath(new URL('./hand-written.workflow.ts', import.meta.url)),
    failureConverterPath,
    // The same webpack settings as the worker's bundle (its source map without the sources' text).
    webpackConfigHook: workflowBundleWebpackConfig,
    logger: new DefaultLogger('WARN'),
  });
  const interpretedCode = (await enrollmentWorkflowBundle()).code;
  const input = (i: number) => ({
    enrollmentId: `enr-${i}`,
    journeyId: 'first-dose-check-in',
    versionId: 'bench-version',
    definition,
    attributes: {},
    timeZone,
  });
  return [
    {
      // The input as it was before preparation moved out of the workflow (still how older histories run):
      // the stored document, migrated and parsed by every run.
      name: 'interpreted, parsed per run',
      bundleCode: interpretedCode,
      start: (client, taskQueue, workflowId, i) =>
        client.workflow.start('enrollmentWorkflow', { taskQueue, workflowId, args: [input(i)] }),
    },
    {
      name: 'interpreted',
      bundleCode: interpretedCode,
      // Started the way Carepath starts an enrollment.
      start: (client, taskQueue, workflowId, i) => startEnrollment(client, taskQueue, { workflowId, ...input(i) }),
    },
    {
      name: 'hand-written',
      bundleCode: handWritten.code,
      start: (client, taskQueue, workflowId, i) =>
        client.workflow.start('handWrittenCheckIn', {
          taskQueue,
          workflowId,
          args: [{ enrollmentId: `enr-${i}`, versionId: 'bench-version', waitMs: WAIT_MS }],
        }),
    },
  ];
}

const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
const perSecond = (r: VariantResult) => workflows / (r.wallMs / 1000);

/** One variant against the hand-written one, column by column. */
function ratioRow(name: string, r: VariantResult, hand: VariantResult): string[] {
  return [
    name,
    '',
    '',
    ratio(perSecond(r), perSecond(hand)),
    ratio(r.historyEvents, hand.historyEvents),
    ratio(r.cpuMsPerWorkflow, hand.cpuMsPerWorkflow),
    ratio(r.maxRssMb, hand.maxRssMb),
    ratio(r.startRssMb, hand.startRssMb),
    ratio(r.bundleKb, hand.bundleKb),
    '',
  ];
}

export async function benchTemporalWorkflow(): Promise<BenchTable> {
  const dir = mkdtempSync(join(tmpdir(), 'carepath-bench-'));
  const env = await createLocalEnv();
  try {
    const results: VariantResult[] = [];
    for (const variant of await variants()) results.push(await runVariant(env.client, env.address, dir, variant));
    const [perRun, interpreted, hand] = results;
    const row = (r: VariantResult) => [
      r.name,
      String(workflows),
      `${(r.wallMs / 1000).toFixed(2)} s`,
      perSecond(r).toFixed(1),
      r.historyEvents.toFixed(1),
      `${r.cpuMsPerWorkflow.toFixed(2)} ms`,
      `${r.maxRssMb.toFixed(0)} MB`,
      `${r.startRssMb.toFixed(0)} MB`,
      `${r.bundleKb.toFixed(0)} kB`,
      r.load.toFixed(1),
    ];
    return {
      title: 'Temporal workflow: interpreted vs hand-written',
      description: `
The first-dose check-in (welcome SMS, a 1 s wait, the question, reply "1" by Workflow Update, end) as Carepath's
interpreted \`enrollmentWorkflow\` and as a hand-written workflow (\`test/bench/temporal/hand-written.workflow.ts\`),
on one \`temporal server start-dev\`, one after the other in the same run. Both call the same near no-op activities
(approval check, send, end record), use the encrypting data converter and default worker settings, each worker in a
child process of its own. The driver replies when the send activity reports the question sent. Workflows/s is
started-to-completed over all \`BENCH_WORKFLOWS\` (default 200) started at once; worker CPU is the process's user+system time after it polls, divided by the workflows; peak memory is the
worker's maxRSS, and "RSS at start" its resident memory once it polls, before any workflow: the rest of the peak is
what the workflows cost. "Parsed per run" is the input as it was before the definition was prepared at start (older
histories still run so): such a run loads zod and the schema's validators, which a prepared run never evaluates
(they stay in the bundle only for these), and migrates and zod-parses the document. Both bundles are built with the
worker's webpack settings (\`workflowBundleWebpackConfig\`: inline source map without the sources' text); the bundle
column is the whole file, source map included. Ratios are interpreted / hand-written (goals: throughput ≥ 0.9×,
events ≤ 1.1×, CPU and memory ≤ 1.3×). The machine is shared: "load at start" is its one-minute load average when the
variant started; throughput moves most with it, CPU per workflow and memory much less.

Where the memory is (measured 2026-12-02: RSS per bundle setting, heap snapshots of the workflow thread with 200 runs
waiting for the reply). About 130 MB of either worker is Node, tsx and the SDK before the worker is created. "RSS at
start" adds the workflow thread (a V8 isolate of its own that evaluates the bundle once), the bundle's text in both
threads, and a copy the SDK compiles in the main thread for debuggers and drops after 10 s (about 45 MB, either
variant). Until 2026-12-02 the source map carried the sources' text as well (5.1 MB bundle against 1.6 MB): the
interpreted worker then peaked at 376–410 MB against 289–313 MB (1.23–1.40×, pair by pair); without it, at 322–347 MB
against 268–295 MB (1.09–1.28× over six pairs). What is left of the fixed difference, about 15 MB: the interpreted
bundle is 1.9 MB of code against 0.5 MB (half of it the migration and zod parse that histories from before preparation
replay through, which must stay), held in both threads, and once the first stack trace is mapped its mappings take
about 10 MB of the source map's WebAssembly memory against 4 MB. Per workflow, a run waiting for the reply holds about
80 kB of live heap in the workflow thread against 70 kB hand-written (one query, seven signal and four Update handlers
against one Update, and more pending promises, each kept by the SDK with a source-mapped stack trace for the stack
trace query). The rest of the growth from start to peak (about 0.6 against 0.45 MB per workflow) is memory the process
has not given back yet: garbage neither thread has collected, which grows with what each activation allocates, and the
SDK's native core. Much of that is V8's young generation, the room each thread leaves for short-lived garbage: with it
capped (\`--max-semi-space-size=1\`, an experiment, not used here) the interpreted worker peaked at 245–260 MB against
220 MB (1.11–1.18×, two pairs).

The two history events more per workflow (43 against 41) are the marker of \`patched('version-integrity-check')\`,
which every fresh start writes because histories from before the approval check must still replay, and the
\`TemporalChangeVersion\` search-attribute upsert the SDK adds with a patch marker (read from a history of this
journey on the dev server: events 5 and 6, right after the first workflow task). Every other event pairs one to one
with the hand-written workflow's. A run that continues as new adds the same two for \`definition-by-reference\`,
and the run it starts one marker, for the local activity that loads its definition.`,
      header: [
        'variant',
        'workflows',
        'wall time',
        'workflows/s',
        'history events/wf',
        'worker CPU/wf',
        'worker peak RSS',
        'worker RSS at start',
        'bundle',
        'load at start',
      ],
      rows: [
        row(perRun),
        row(interpreted),
        row(hand),
        ratioRow('ratio, parsed per run', perRun, hand),
        ratioRow('ratio', interpreted, hand),
      ],
    };
  } finally {
    await env.teardown();
    rmSync(dir, { recursive: true, force: true });
  }
}
