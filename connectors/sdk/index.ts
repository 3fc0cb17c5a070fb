/** The connector SDK: the contract every channel connector implements, the registry that holds them, and webhook helpers. */
export * from './connector.js';
export * from './registry.js';
export * from './signing.js';
