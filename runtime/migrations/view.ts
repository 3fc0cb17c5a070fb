/** A migration as its program manager follows it: the versions and mapping, counts moved, failed and pending, and each failure with its reason. */
import { desc, eq } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import {
  enrollmentMigrationItems,
  enrollmentMigrations,
  enrollments,
  patients,
  users,
  versions,
} from '../db/schema.js';
import { NotFoundError } from '../errors.js';
import { isUnderWay } from './run.js';

export const ITEM_STATUSES = ['pending', 'moved', 'failed'] as const;

export async function migrationView(db: Database, id: string) {
  const [migration] = await db
    .select({ row: enrollmentMigrations, by: users.name })
    .from(enrollmentMigrations)
    .leftJoin(users, eq(users.id, enrollmentMigrations.createdBy))
    .where(eq(enrollmentMigrations.id, id));
  if (!migration) throw NotFoundError.of('migration', id);
  const { row } = migration;
  const numbers = new Map(
    (
      await db
        .select({ id: versions.id, number: versions.number })
        .from(versions)
        .where(eq(versions.journeyId, row.journeyId))
    ).map((v) => [v.id, v.number]),
  );
  const items = await db
    .select({
      enrollmentId: enrollmentMigrationItems.enrollmentId,
      patientName: patients.name,
      status: enrollmentMigrationItems.status,
      fromStep: enrollmentMigrationItems.fromStep,
      toStep: enrollmentMigrationItems.toStep,
      error: enrollmentMigrationItems.error,
      attempts: enrollmentMigrationItems.attempts,
    })
    .from(enrollmentMigrationItems)
    .innerJoin(enrollments, eq(enrollments.id, enrollmentMigrationItems.enrollmentId))
    .innerJoin(patients, eq(patients.id, enrollments.patientId))
    .where(eq(enrollmentMigrationItems.migrationId, id))
    .orderBy(patients.name);
  const counts = { pending: 0, moved: 0, failed: 0 };
  for (const item of items) counts[item.status as keyof typeof counts] += 1;
  const moving = isUnderWay(row.id);
  return {
    id: row.id,
    fromVersion: { id: row.fromVersionId, number: numbers.get(row.fromVersionId) ?? 0 },
    toVersion: { id: row.toVersionId, number: numbers.get(row.toVersionId) ?? 0 },
    targets: row.targets,
    createdBy: migration.by ?? row.createdBy,
    createdAt: row.createdAt,
    counts,
    /** Patients are being moved by this server now. */
    moving,
    /** Nobody pending and nothing under way; pending without a pass under way means the server stopped part-way. */
    done: counts.pending === 0 && !moving,
    failures: items
      .filter((item) => item.status === 'failed')
      .map(({ enrollmentId, patientName, fromStep, error, attempts }) => ({
        enrollmentId,
        patientName,
        ...(fromStep ? { fromStep } : {}),
        reason: error ?? 'unknown',
        attempts,
      })),
  };
}

/** The migrations into a version, newest first, so its page can show the last one after a reload. */
export async function migrationsInto(db: Database, versionId: string) {
  const [version] = await db.select({ id: versions.id }).from(versions).where(eq(versions.id, versionId));
  if (!version) throw NotFoundError.of('version', versionId);
  const rows = await db
    .select({ id: enrollmentMigrations.id })
    .from(enrollmentMigrations)
    .where(eq(enrollmentMigrations.toVersionId, versionId))
    .orderBy(desc(enrollmentMigrations.createdAt))
    .limit(20);
  return Promise.all(rows.map((r) => migrationView(db, r.id)));
}
