/**
 * One benchmark worker in a process of its own, so its CPU time and peak memory are the variant's alone. Started by
 * workflow.bench.ts with the server address, task queue and a pre-built workflow bundle; reports when told to stop.
 */
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { testDataConverter } from '../../support/payload-keys.js';
import { benchActivities } from './activities.js';

/** What the worker reports over IPC once stopped. */
export interface WorkerReport {
  cpuMicros: number;
  maxRssKb: number;
  /** Resident memory once the worker polls, before any workflow: the bundle, its source map, the SDK. */
  startRssKb: number;
}

const [address, taskQueue, codePath] = process.argv.slice(2);
// The worker logs every state change at INFO; the benchmark's table is what matters.
Runtime.install({ logger: new DefaultLogger('WARN') });
const connection = await NativeConnection.connect({ address });
const worker = await Worker.create({
  connection,
  taskQueue,
  workflowBundle: { codePath },
  activities: benchActivities,
  dataConverter: testDataConverter,
});
const running = worker.run();
// CPU counts from here: start-up (loading modules, reading the bundle) is the same fixed cost for any number of workflows.
const ready = process.cpuUsage();
const startRssKb = process.memoryUsage().rss / 1024;
process.send?.('ready');
process.on('message', (message) => {
  if (message !== 'stop') return;
  const cpu = process.cpuUsage(ready);
  worker.shutdown();
  void running.then(async () => {
    await connection.close();
    const report: WorkerReport = {
      cpuMicros: cpu.user + cpu.system,
      maxRssKb: process.resourceUsage().maxRSS,
      startRssKb,
    };
    process.send?.(report, () => process.exit(0));
  });
});
