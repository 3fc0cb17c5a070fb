/** The enrollment worker: the bundled enrollment workflow plus activities wired to the database and the connectors. */
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  bundleWorkflowCode,
  Worker,
  type NativeConnection,
  type WorkflowBundleWithSourceMap,
} from '@temporalio/worker';
import type { Configuration } from 'webpack';
import type { Database } from '../db/client.js';
import type { ConnectorRegistry } from '../../connectors/sdk/index.js';
import { createActivities } from './activities.js';
import { TASK_QUEUE } from './client.js';
import { createDataConverter, failureConverterPath } from './data-converter.js';
import type { PayloadKeyProvider } from './keys.js';
import { TemporalPinoLogger } from './runtime-log.js';

export interface EnrollmentWorkerOptions {
  connection: NativeConnection;
  /** Defaults to `default`. */
  namespace?: string;
  /** Defaults to `TASK_QUEUE`. */
  taskQueue?: string;
  db: Database;
  connectors: ConnectorRegistry;
  /** Where patients open assessment web forms, e.g. https://care.example.org. */
  publicUrl?: string;
  /** Keys of the payload codec: every payload this worker writes is encrypted, so there is no default. */
  payloadKeys: PayloadKeyProvider;
  /** Sends through a provider need a granted consent on record (the configuration's CAREPATH_REQUIRE_CONSENT). */
  requireConsent?: boolean;
}

/** The workflow module beside this one, with this module's own extension (`.ts` under tsx or vitest, `.js` once compiled). */
export const workflowsPath = fileURLToPath(
  new URL(`./workflows${extname(fileURLToPath(import.meta.url))}`, import.meta.url),
);

let bundle: Promise<WorkflowBundleWithSourceMap> | undefined;

/**
 * The engine and the libraries it uses (luxon, CEL), which keep no per-workflow state: loaded once into the worker's
 * reused V8 context and shared by every workflow, instead of evaluated again (and held again in memory) for each
 * cached workflow (see shared-libraries.ts). zod and liquidjs are not in a workflow's path (definitions are prepared
 * before start, templates render in activities), so they are not loaded at all.
 */
export const sharedLibraries = [
  fileURLToPath(new URL(`./shared-libraries${extname(fileURLToPath(import.meta.url))}`, import.meta.url)),
];

/**
 * How Carepath builds every workflow bundle (the worker's, the benchmark's hand-written one, the bundle-contents test's):
 * the SDK's webpack settings with the inline source map kept but without the sources' text (`sourcesContent`). The
 * worker needs the inline map and maps every workflow stack trace through it to file, line and column, which stay as
 * they were; the text was read only to attach source files to the enhanced stack trace query when
 * `showStackTraceSources` is on (it is off), so all it did was make the bundle twice as large and the worker hold
 * several copies of it (the file read, the decoded map, the copy sent to the workflow thread): about 2.4 MB of text
 * and 30–60 MB of resident memory per worker (test/bench/RESULTS.md). A debugger finds the sources on disk instead.
 */
export function workflowBundleWebpackConfig(config: Configuration): Configuration {
  return { ...config, devtool: 'inline-nosources-source-map' };
}

/** Bundling takes seconds; do it once per process and share the bundle between workers. */
export function enrollmentWorkflowBundle(): Promise<WorkflowBundleWithSourceMap> {
  // Webpack's report goes through the log (at Temporal's level, WARN by default) instead of straight to stdout.
  bundle ??= bundleWorkflowCode({
    workflowsPath,
    failureConverterPath,
    preloadModules: sharedLibraries,
    webpackConfigHook: workflowBundleWebpackConfig,
    logger: new TemporalPinoLogger(),
  }).catch((err: unknown) => {
    bundle = undefined;
    throw err;
  });
  return bundle;
}

export async function createWorker({
  connection,
  namespace = 'default',
  taskQueue = TASK_QUEUE,
  db,
  connectors,
  publicUrl,
  payloadKeys,
  requireConsent,
}: EnrollmentWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection,
    namespace,
    taskQueue,
    workflowBundle: await enrollmentWorkflowBundle(),
    activities: createActivities({ db, connectors, requireConsent, ...(publicUrl ? { publicUrl } : {}) }),
    dataConverter: createDataConverter(payloadKeys),
  });
}
