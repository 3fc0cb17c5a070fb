/**
 * Libraries every enrollment workflow evaluates and none keeps per-workflow state in, preloaded once into the worker's
 * reused V8 context (worker.ts). Imported here the way the engine imports them, so the preloaded copy is the very
 * module the workflow uses: a bare `preloadModules: ['luxon']` is `require`d and resolves to luxon's CommonJS build,
 * a second copy next to the ES build the engine imports, which every workflow then evaluated again anyway.
 */
export { DateTime } from 'luxon';
export { Environment } from '@marcbachmann/cel-js';
