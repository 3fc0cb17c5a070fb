/** The pure engine: runs in the Temporal workflow, the designer's simulator and property tests alike. */
export * from './types.js';
export { applyEvent, initialState } from './engine.js';
export { prepareDefinition, runnableDefinition, withPreparedDefinition } from './definition.js';
