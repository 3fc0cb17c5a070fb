/** The enrollment workflow's bundle: how it is built (once per process, or in a child process so webpack's memory leaves with it). */
import { fork } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode, type WorkflowBundle, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import type { Configuration } from 'webpack';
import { failureConverterPath } from './data-converter.js';
import { TemporalPinoLogger } from './runtime-log.js';

/** `.ts` under tsx or vitest, `.js` once compiled: the modules beside this one carry this module's own extension. */
const extension = extname(fileURLToPath(import.meta.url));

/** The workflow module beside this one. */
export const workflowsPath = fileURLToPath(new URL(`./workflows${extension}`, import.meta.url));

let bundle: Promise<WorkflowBundleWithSourceMap> | undefined;

/**
 * The engine and the libraries it uses (luxon, CEL), which keep no per-workflow state: loaded once into the worker's
 * reused V8 context and shared by every workflow, instead of evaluated again (and held again in memory) for each
 * cached workflow (see shared-libraries.ts). zod and liquidjs are not in a workflow's path (definitions are prepared
 * before start, templates render in activities), so they are not loaded at all.
 */
export const sharedLibraries = [fileURLToPath(new URL(`./shared-libraries${extension}`, import.meta.url))];

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

let built: Promise<WorkflowBundle> | undefined;

/**
 * The same bundle, built by a child process: webpack leaves about 180 MB resident behind in the process that runs it,
 * which a long-running worker would carry for good; in a child it goes when the child exits. Once per process.
 */
export function bundleInChildProcess(): Promise<WorkflowBundle> {
  built ??= new Promise<WorkflowBundle>((resolve, reject) => {
    const dir = mkdtempSync(join(tmpdir(), 'carepath-bundle-'));
    const file = join(dir, 'workflows.js');
    const child = fork(fileURLToPath(new URL(`./build-workflow-bundle${extension}`, import.meta.url)), [file], {
      execArgv: extension === '.ts' ? ['--import', 'tsx'] : [],
      stdio: 'inherit',
    });
    child.on('error', (error) => {
      rmSync(dir, { recursive: true, force: true });
      reject(error);
    });
    child.on('exit', (code, signal) => {
      try {
        if (code !== 0) throw new Error(`Bundling the workflows failed (exit ${code ?? signal}); see the log above.`);
        resolve({ code: readFileSync(file, 'utf8') });
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }).catch((error: unknown) => {
    built = undefined;
    throw error;
  });
  return built;
}
