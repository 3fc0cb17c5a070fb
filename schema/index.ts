/** The journey language: document schema, step catalogue, validation, canonical form and content hash. No I/O. */
export * from './document.js';
export * from './problems.js';
export * from './validate.js';
export * from './canonical.js';
export * from './parse.js';
export * from './duration.js';
export * from './graph.js';
export * from './json-schema.js';
export * from './steps/registry.js';
export * from './steps/message.js';
export * from './steps/wait.js';
export * from './steps/end.js';
export type { StepKind } from './steps/common.js';
export { stepIdPattern } from './ids.js';
