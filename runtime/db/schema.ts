/**
 * The database tables (drizzle, SQLite dialect for libsql), one file per concept under ./tables; drizzle-kit and the
 * client read them all through this module.
 */
export * from './tables/people.js';
export * from './tables/audit.js';
export * from './tables/journeys.js';
export * from './tables/patients.js';
export * from './tables/enrollments.js';
export * from './tables/messages.js';
export * from './tables/care.js';
export * from './tables/connectors.js';
