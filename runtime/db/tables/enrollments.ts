/** Enrollments of patients in versions, and migrations of enrolled patients to a later version. */
import { sqliteTable, text, integer, uniqueIndex, index, primaryKey } from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns.js';
import { journeys, versions } from './journeys.js';
import { patients } from './patients.js';

export const enrollments = sqliteTable(
  'enrollments',
  {
    id: text('id').primaryKey(),
    journeyId: text('journey_id')
      .notNull()
      .references(() => journeys.id),
    versionId: text('version_id')
      .notNull()
      .references(() => versions.id),
    patientId: text('patient_id')
      .notNull()
      .references(() => patients.id),
    /** Deterministic from journey and patient, and free of PHI. */
    workflowId: text('workflow_id').notNull(),
    status: text('status').notNull(),
    reason: text('reason'),
    startedAt: text('started_at').notNull(),
    endedAt: text('ended_at'),
    // ── Test runs (issue 11: reopen any test patient) ──
    /** The user who enrolled the patient (null for rows from before the column), so the designer can list "my test patients". */
    enrolledBy: text('enrolled_by'),
  },
  (t) => [uniqueIndex('enrollments_workflow').on(t.workflowId), index('enrollments_patient').on(t.patientId)],
);

/** A program manager's move of a version's waiting patients to a later version of the same journey: the mapping used and who ran it. */
export const enrollmentMigrations = sqliteTable('enrollment_migrations', {
  id: text('id').primaryKey(),
  journeyId: text('journey_id')
    .notNull()
    .references(() => journeys.id),
  fromVersionId: text('from_version_id')
    .notNull()
    .references(() => versions.id),
  toVersionId: text('to_version_id')
    .notNull()
    .references(() => versions.id),
  /** By step of N: the step of M its patients go to, and whether they stay mid-step (the step is unchanged). */
  targets: text('targets', { mode: 'json' }).$type<Record<string, { to: string; keep: boolean }>>().notNull(),
  createdBy: text('created_by').notNull(),
  createdAt: createdAt(),
});

/** One enrollment of a migration: pending, moved or failed with the reason; failed ones are retried on request. */
export const enrollmentMigrationItems = sqliteTable(
  'enrollment_migration_items',
  {
    migrationId: text('migration_id')
      .notNull()
      .references(() => enrollmentMigrations.id),
    enrollmentId: text('enrollment_id')
      .notNull()
      .references(() => enrollments.id),
    status: text('status').notNull(),
    /** The step the patient was found in, and the step of the new version they went to. */
    fromStep: text('from_step'),
    toStep: text('to_step'),
    error: text('error'),
    attempts: integer('attempts').notNull().default(0),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.migrationId, t.enrollmentId] }),
    index('migration_items_status').on(t.migrationId, t.status),
  ],
);
