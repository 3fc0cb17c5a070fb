/**
 * Modules every enrollment workflow evaluates and none keeps per-workflow state in, preloaded once into the worker's
 * reused V8 context (worker.ts) and shared by every workflow instead of evaluated again for each cached one.
 *
 * - luxon and CEL, imported here the way the engine imports them, so the preloaded copy is the very module the
 *   workflow uses: a bare `preloadModules: ['luxon']` is `require`d and resolves to luxon's CommonJS build, a second
 *   copy next to the ES build the engine imports, which every workflow then evaluated again anyway.
 * - The engine and the schema helpers it runs: pure functions whose only module state is memo caches (parsed CEL
 *   expressions, CEL environments; bounded), which give the same answer whichever workflow filled them. Shared, a
 *   journey's expressions are compiled once per worker, not once per workflow. The SDK freezes shared modules, so
 *   nothing here may assign to an exported object; workflows.ts and the modules that call @temporalio/workflow stay
 *   per workflow.
 */
export { DateTime } from 'luxon';
export { Environment } from '@marcbachmann/cel-js';
export { applyEvent, initialState } from '../engine/index.js';
