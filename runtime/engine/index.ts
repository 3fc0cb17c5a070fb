/**
 * The pure engine: runs in the Temporal workflow, the designer's simulator and property tests alike.
 * Running enrollments replay it: a change to the commands it emits follows runtime/temporal/INTERPRETER-CHANGES.md.
 */
export * from './types.js';
export { applyEvent, initialState } from './engine.js';
// prepareDefinition (zod) is imported from ./definition.js by the API and the client, never through here: the workflow
// bundle starts from this index and must not load zod.
