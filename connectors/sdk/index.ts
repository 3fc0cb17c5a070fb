/** The connector SDK: the contract every channel connector implements, and the registry that holds them. */
export * from './connector.js';
export * from './registry.js';
