/**
 * `BENCH_ONLY=workflow`: the first-dose check-in as Carepath's interpreted enrollment workflow and as a hand-written
 * Temporal workflow, on one dev server in the same run, each with its own worker process (same activities, same
 * settings, same encrypting data converter). Reports throughput, history events, worker CPU and peak memory.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';
import { enrollmentWorkflowBundle } from '../../../runtime/temporal/worker.js';
import { failureConverterPath } from '../../../runtime/temporal/data-converter.js';
import { replyUpdate } from '../../../runtime/temporal/reply-update.js';
import type { EnrollmentInput } from '../../../runtime/temporal/types.js';
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
  workflowType: string;
  bundleCode: string;
  args: (i: number) => unknown[];
}

interface VariantResult {
  name: string;
  wallMs: number;
  historyEvents: number;
  cpuMsPerWorkflow: number;
  maxRssMb: number;
  bundleKb: number;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts the worker process and resolves once it polls; `stop` resolves with its report. */
async function startWorker(address: string, taskQueue: string, codePath: string) {
  const child = fork(fileURLToPath(new URL('./bench-worker.ts', import.meta.url)), [address, taskQueue, codePath], {
    execArgv: ['--import', 'tsx'],
  });
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`the benchmark worker exited early (${code})`)));
  });
  return {
    stop: () =>
      new Promise<WorkerReport>((resolve) => {
        child.once('message', (report) => resolve(report as WorkerReport));
        child.send('stop');
      }),
  };
}

/** Replies "1" once the workflow waits for it: the Update's validator refuses earlier replies, so those are retried. */
async function replyWhenAsked(client: Client, workflowId: string): Promise<void> {
  const handle = client.workflow.getHandle(workflowId);
  await pause(WAIT_MS);
  for (;;) {
    try {
      await handle.executeUpdate(replyUpdate, { args: [{ text: '1', messageId: 'bench' }] });
      break;
    } catch (err) {
      if (!(err instanceof WorkflowUpdateFailedError)) throw err;
      await pause(200);
    }
  }
  await handle.result();
}

async function runVariant(client: Client, address: string, dir: string, variant: Variant): Promise<VariantResult> {
  const taskQueue = `bench-${variant.name}`;
  const codePath = join(dir, `${variant.name}.js`);
  writeFileSync(codePath, variant.bundleCode);
  const worker = await startWorker(address, taskQueue, codePath);
  const ids = Array.from({ length: workflows }, (_, i) => `bench-${variant.name}-${i}`);
  const started = performance.now();
  await Promise.all(
    ids.map(async (workflowId, i) => {
      await client.workflow.start(variant.workflowType, { taskQueue, workflowId, args: variant.args(i) });
      await replyWhenAsked(client, workflowId);
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
    bundleKb: Buffer.byteLength(variant.bundleCode) / 1024,
  };
}

async function variants(): Promise<Variant[]> {
  const definition = benchJourney();
  const timeZone = daytimeZone();
  const handWritten = await bundleWorkflowCode({
    workflowsPath: fileURLToPath(new URL('./hand-written.workflow.ts', import.meta.url)),
    failureConverterPath,
    logger: new DefaultLogger('WARN'),
  });
  return [
    {
      name: 'interpreted',
      workflowType: 'enrollmentWorkflow',
      bundleCode: (await enrollmentWorkflowBundle()).code,
      args: (i) => [
        {
          enrollmentId: `enr-${i}`,
          journeyId: 'first-dose-check-in',
          versionId: 'bench-version',
          definition,
          attributes: {},
          timeZone,
        } satisfies EnrollmentInput,
      ],
    },
    {
      name: 'hand-written',
      workflowType: 'handWrittenCheckIn',
      bundleCode: handWritten.code,
      args: (i) => [{ enrollmentId: `enr-${i}`, versionId: 'bench-version', waitMs: WAIT_MS }],
    },
  ];
}

const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

export async function benchTemporalWorkflow(): Promise<BenchTable> {
  const dir = mkdtempSync(join(tmpdir(), 'carepath-bench-'));
  const env = await createLocalEnv();
  try {
    const results: VariantResult[] = [];
    for (const variant of await variants()) results.push(await runVariant(env.client, env.address, dir, variant));
    const [interpreted, hand] = results;
    const perSecond = (r: VariantResult) => workflows / (r.wallMs / 1000);
    const row = (r: VariantResult) => [
      r.name,
      String(workflows),
      `${(r.wallMs / 1000).toFixed(2)} s`,
      perSecond(r).toFixed(1),
      r.historyEvents.toFixed(1),
      `${r.cpuMsPerWorkflow.toFixed(2)} ms`,
      `${r.maxRssMb.toFixed(0)} MB`,
      `${r.bundleKb.toFixed(0)} kB`,
    ];
    return {
      title: 'Temporal workflow: interpreted vs hand-written',
      description: `
The first-dose check-in (welcome SMS, a 1 s wait, the question, reply "1" by Workflow Update, end) as Carepath's
interpreted \`enrollmentWorkflow\` and as a hand-written workflow (\`test/bench/temporal/hand-written.workflow.ts\`),
on one \`temporal server start-dev\`, one after the other in the same run. Both call the same near no-op activities
(approval check, send, end record), use the encrypting data converter and default worker settings, each worker in a
child process of its own. Workflows/s is started-to-completed over all \`BENCH_WORKFLOWS\` (default 200) started at
once; worker CPU is the process's user+system time after it polls, divided by the workflows; peak memory is the
worker's maxRSS. Ratios are interpreted / hand-written (goals: throughput ≥ 0.9×, events ≤ 1.1×, CPU and memory
≤ 1.3×).`,
      header: [
        'variant',
        'workflows',
        'wall time',
        'workflows/s',
        'history events/wf',
        'worker CPU/wf',
        'worker peak RSS',
        'bundle',
      ],
      rows: [
        row(interpreted),
        row(hand),
        [
          'ratio',
          '',
          '',
          ratio(perSecond(interpreted), perSecond(hand)),
          ratio(interpreted.historyEvents, hand.historyEvents),
          ratio(interpreted.cpuMsPerWorkflow, hand.cpuMsPerWorkflow),
          ratio(interpreted.maxRssMb, hand.maxRssMb),
          ratio(interpreted.bundleKb, hand.bundleKb),
        ],
      ],
    };
  } finally {
    await env.teardown();
    rmSync(dir, { recursive: true, force: true });
  }
}
