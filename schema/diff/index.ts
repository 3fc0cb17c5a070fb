/** Diffs of journey versions for review: step-level added/removed/changed/unchanged with changed fields. Pure; runs in the browser too. */
export * from './fields.js';
export * from './journey-diff.js';
