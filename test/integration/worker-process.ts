/** For fault tests that run a worker in a child process: starting it, killing it, waiting for a line it prints, polling until something holds. */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Client } from '@temporalio/client';
import { enrollmentState } from '../../runtime/temporal/client.js';
import { eventually as waitFor } from '../support/eventually.js';

const workerScript = fileURLToPath(new URL('./faults-worker.ts', import.meta.url));

/** Starts faults-worker.ts (see there for `extraEnv`) on the server and task queue, once it polls. */
export async function spawnFaultWorker(
  server: { address: string; namespace?: string },
  taskQueue: string,
  databaseUrl: string,
  extraEnv: Record<string, string> = {},
): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', workerScript], {
    env: {
      ...process.env,
      TEMPORAL_ADDRESS: server.address,
      TEMPORAL_NAMESPACE: server.namespace ?? 'default',
      TASK_QUEUE: taskQueue,
      DATABASE_URL: databaseUrl,
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await lineFrom(child, /^polling$/);
  return child;
}

/** SIGKILL, as a crash or an OOM kill would: no shutdown, no last report to Temporal. */
export async function killHard(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

/** The enrollment's state once it waits (for a timer or a reply), i.e. once the send before it was recorded. */
export function untilWaiting(client: Client, workflowId: string, what: string) {
  return eventually(
    async () => {
      const current = await enrollmentState(client, workflowId);
      return current?.phase.kind === 'waiting' ? current : undefined;
    },
    what,
    150_000,
  );
}

/** Resolves with the first stdout line of the child that matches; rejects if the child exits first. */
export function lineFrom(child: ChildProcess, pattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffered = '';
    const onData = (chunk: Buffer) => {
      buffered += chunk.toString();
      const line = buffered.split('\n').find((l) => pattern.test(l));
      if (line) {
        child.stdout!.off('data', onData);
        resolve(line);
      }
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the worker process exited (${code}) before printing ${pattern}`)));
  });
}

/** Waits up to a minute: a worker process starts, dies and restarts in these tests. */
export const eventually = <T>(probe: () => Promise<T | undefined | false | null>, what: string, timeoutMs = 60_000) =>
  waitFor(probe, what, timeoutMs);
