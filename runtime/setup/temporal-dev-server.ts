/**
 * Starts a local Temporal dev server (`temporal server start-dev`) on loopback, persisted to a SQLite file,
 * and resolves once its frontend answers gRPC. Used when `TEMPORAL_ADDRESS` is not set, and by tests.
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { Connection } from '@temporalio/client';
import { temporalCli } from './temporal-binaries.js';

export interface DevServerOptions {
  /** Directory for `temporal.db` (created if missing). */
  dataDir: string;
  /** Frontend gRPC port; a free one when omitted. */
  port?: number;
  /** Web UI port; a free one when omitted. */
  uiPort?: number;
  /** Namespace to create besides `default`. */
  namespace?: string;
  /** Custom search attributes to register, e.g. `{ CarepathStep: 'Keyword' }`. */
  searchAttributes?: Record<string, 'Text' | 'Keyword' | 'Int' | 'Double' | 'Bool' | 'Datetime' | 'KeywordList'>;
  /**
   * Remote codec endpoint the Web UI uses to decode payloads (`--ui-codec-endpoint`). The dev server cannot turn on
   * the UI's "include credentials" itself: the user ticks it in the UI's codec settings, so the session cookie goes along.
   */
  uiCodecEndpoint?: string;
  /** Path to the CLI; defaults to {@link temporalCli}. */
  executable?: string;
  /** How long to wait for the server to answer, in milliseconds (default 60 s). */
  startTimeoutMs?: number;
  /** Receives each line the server writes (warnings and errors only); defaults to stderr. */
  log?: (line: string) => void;
}

export interface DevServer {
  /** `127.0.0.1:<port>`, for `Connection.connect({ address })`. */
  address: string;
  /** The Web UI, e.g. `http://127.0.0.1:8233`. */
  uiUrl: string;
  namespace: string;
  /** Sends SIGTERM, waits for the process to exit (SIGKILL after 10 s). Safe to call twice. */
  stop(): Promise<void>;
}

const host = '127.0.0.1';

export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const executable = options.executable ?? (await temporalCli());
  if (!executable) {
    throw new Error(
      'The Temporal CLI is not available: set TEMPORAL_CLI, put `temporal` on PATH, or set TEMPORAL_ADDRESS to use a running cluster.',
    );
  }
  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const port = options.port ?? (await freePort());
  const uiPort = options.uiPort ?? (await freePort());
  const namespace = options.namespace ?? 'default';
  const args = [
    'server',
    'start-dev',
    '--ip',
    host,
    '--port',
    String(port),
    '--ui-port',
    String(uiPort),
    '--ui-disable-news-fetch',
  ];
  args.push('--db-filename', join(dataDir, 'temporal.db'), '--log-level', 'warn');
  if (namespace !== 'default') args.push('--namespace', namespace);
  for (const [name, type] of Object.entries(options.searchAttributes ?? {}))
    args.push('--search-attribute', `${name}=${type}`);
  if (options.uiCodecEndpoint) args.push('--ui-codec-endpoint', options.uiCodecEndpoint);

  const child = spawn(executable, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const log = options.log ?? ((line: string) => process.stderr.write(`temporal: ${line}\n`));
  let recent = '';
  let stopRequested = false;
  const onOutput = (chunk: Buffer) => {
    recent = (recent + chunk.toString()).slice(-4000);
    // A stopping server warns about every poller it closes: noise, not news.
    if (stopRequested) return;
    for (const line of chunk.toString().split('\n')) if (line.trim()) log(line);
  };
  child.stdout.on('data', onOutput);
  child.stderr.on('data', onOutput);
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  // If our process goes away without calling stop(), do not leave the server running.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      stopRequested = true;
      process.off('exit', killOnExit);
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
    })();
    return stopping;
  };

  const address = `${host}:${port}`;
  try {
    await waitUntilServing(address, namespace, exited, options.startTimeoutMs ?? 60_000, () => recent);
  } catch (error) {
    await stop();
    throw error;
  }
  return { address, uiUrl: `http://${host}:${uiPort}`, namespace, stop };
}

async function waitUntilServing(
  address: string,
  namespace: string,
  exited: Promise<void>,
  timeoutMs: number,
  output: () => string,
): Promise<void> {
  let hasExited = false;
  void exited.then(() => (hasExited = true));
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (hasExited) throw new Error(`temporal server start-dev exited during start-up:\n${output()}`);
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1_000 });
      try {
        await connection.workflowService.describeNamespace({ namespace });
        return;
      } finally {
        await connection.close();
      }
    } catch (error) {
      lastError = error;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(
    `temporal server start-dev did not answer on ${address} within ${timeoutMs} ms: ${(lastError as Error)?.message}\n${output()}`,
  );
}

/** A port that was free a moment ago on loopback (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, host, () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}
