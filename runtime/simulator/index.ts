/** The cohort simulator: personas, a seeded PRNG, one patient or a whole cohort over the pure engine on a virtual clock. Browser-safe. */
export * from './personas.js';
export * from './prng.js';
export { simulatePatient, type SimulateOptions, type SimulatedStep, type PatientResult } from './simulate.js';
export * from './cohort.js';
export * from './summary.js';
