/** Running a migration: each movable patient moves through the workflow's `migrate` Update, then the enrollment records its new version; audited per patient, failures kept for a retry. */
import { and, eq, inArray } from 'drizzle-orm';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import type { Database } from '../db/client.js';
import { appendAudit } from '../db/audit.js';
import { newId, nowIso } from '../db/ids.js';
import { enrollmentMigrationItems, enrollmentMigrations, enrollments } from '../db/schema.js';
import { ConflictError, NotFoundError, UnprocessableError } from '../errors.js';
import type { TemporalAccess } from '../enrollments/enroll.js';
import { migrateUpdate, type MigrateRequest } from '../temporal/migrate-update.js';
import { migrationDryRun, type MigrationRequest } from './dry-run.js';
import { migrationVersions } from './versions.js';
import { migrationMapping } from './mapping.js';
import { blockers } from './waiting.js';

/** Moves at a time: each is one Update round trip; more would crowd the worker that also serves every journey. */
const CONCURRENCY = 4;

/** Migrations being worked on by this process, so a retry never runs beside the pass still under way. */
const underWay = new Map<string, Promise<void>>();

/** Starts the migration: records it with one pending item per movable patient, then moves them in the background. */
export async function startMigration(
  db: Database,
  access: () => TemporalAccess,
  actor: string,
  toVersionId: string,
  request: MigrationRequest,
): Promise<string> {
  // Versions and mapping are checked before Temporal is asked for, so bad input gets its 4xx even while it is down.
  const plan = await migrationVersions(db, actor, request.fromVersionId, toVersionId);
  const { problems } = migrationMapping(plan.fromDocument, plan.toDocument, request.mapping);
  if (problems.length > 0)
    throw new UnprocessableError(
      'migration-mapping-invalid',
      `The mapping has wrong choices: ${problems.map((p) => p.message).join(' ')}`,
      problems.map((p) => ({
        code: 'migration.mapping',
        pointer: p.pointer,
        stepId: p.step,
        severity: 'error' as const,
        message: p.message,
      })),
    );
  const temporal = access();
  const dry = await migrationDryRun(db, temporal.client, actor, toVersionId, request, plan);
  if (dry.moving.length === 0)
    throw new ConflictError('migration-nobody-to-move', `No patient of version ${dry.plan.from.number} can move now.`);
  const id = newId('mig');
  await db.transaction(
    async (tx) => {
      await tx.insert(enrollmentMigrations).values({
        id,
        journeyId: dry.plan.to.journeyId,
        fromVersionId: dry.plan.from.id,
        toVersionId: dry.plan.to.id,
        targets: dry.mapping.targets,
        createdBy: actor,
      });
      for (const enrollment of dry.moving)
        await tx.insert(enrollmentMigrationItems).values({
          migrationId: id,
          enrollmentId: enrollment.id,
          status: 'pending',
          fromStep: enrollment.step,
          updatedAt: nowIso(),
        });
      await appendAudit(tx, {
        actor,
        action: 'migration.started',
        entityType: 'version',
        entityId: dry.plan.to.id,
        data: {
          migrationId: id,
          fromVersionId: dry.plan.from.id,
          targets: dry.mapping.targets,
          patients: dry.moving.length,
        },
      });
    },
    { behavior: 'immediate' },
  );
  runInBackground(db, temporal, actor, id);
  return id;
}

/** Puts the failed patients back in the queue and moves them (and any left pending) again. */
export async function retryMigration(
  db: Database,
  access: () => TemporalAccess,
  actor: string,
  id: string,
): Promise<void> {
  const [migration] = await db.select().from(enrollmentMigrations).where(eq(enrollmentMigrations.id, id));
  if (!migration) throw NotFoundError.of('migration', id);
  const temporal = access();
  if (underWay.has(id))
    throw new ConflictError('migration-under-way', 'This migration is still moving patients; retry once it is done.');
  await db.transaction(async (tx) => {
    await tx
      .update(enrollmentMigrationItems)
      .set({ status: 'pending', updatedAt: nowIso() })
      .where(and(eq(enrollmentMigrationItems.migrationId, id), eq(enrollmentMigrationItems.status, 'failed')));
    await appendAudit(tx, {
      actor,
      action: 'migration.retried',
      entityType: 'version',
      entityId: migration.toVersionId,
      data: { migrationId: id },
    });
  });
  runInBackground(db, temporal, actor, id);
}

/** Whether this process is moving the migration's patients right now. */
export function isUnderWay(id: string): boolean {
  return underWay.has(id);
}

/** Resolves when this process has no pass of the migration under way (tests and shutdown wait on it). */
export async function migrationSettled(id: string): Promise<void> {
  await underWay.get(id);
}

function runInBackground(db: Database, temporal: TemporalAccess, actor: string, id: string): void {
  const pass = movePending(db, temporal, actor, id)
    .catch(() => undefined) // each item records its own failure; a lost pass leaves items pending for a retry
    .finally(() => underWay.delete(id));
  underWay.set(id, pass);
}

async function movePending(db: Database, temporal: TemporalAccess, actor: string, id: string): Promise<void> {
  const [migration] = await db.select().from(enrollmentMigrations).where(eq(enrollmentMigrations.id, id));
  const plan = await migrationVersions(db, actor, migration.fromVersionId, migration.toVersionId);
  const request: MigrateRequest = {
    migrationId: id,
    fromVersionId: migration.fromVersionId,
    toVersionId: migration.toVersionId,
    toSteps: Object.keys(plan.toDocument.steps),
    targets: migration.targets,
  };
  const pending = await db
    .select({
      enrollmentId: enrollmentMigrationItems.enrollmentId,
      workflowId: enrollments.workflowId,
      attempts: enrollmentMigrationItems.attempts,
      fromStep: enrollmentMigrationItems.fromStep,
    })
    .from(enrollmentMigrationItems)
    .innerJoin(enrollments, eq(enrollments.id, enrollmentMigrationItems.enrollmentId))
    .where(and(eq(enrollmentMigrationItems.migrationId, id), inArray(enrollmentMigrationItems.status, ['pending'])));
  // What the dry run checked may have changed since: a nurse claimed a task, an assessment got its first answer.
  const found = pending.map((p) => ({
    id: p.enrollmentId,
    patientId: '',
    patientName: '',
    workflowId: p.workflowId,
    step: p.fromStep ?? undefined,
  }));
  const blocked = await blockers(db, plan.fromDocument, found);
  let next = 0;
  const lane = async () => {
    while (next < pending.length) {
      const item = pending[next++];
      const reason = blocked.get(item.enrollmentId);
      if (reason) await recordFailure(db, request.migrationId, item, reason);
      else await moveOne(db, temporal, actor, request, item);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, lane));
}

async function moveOne(
  db: Database,
  temporal: TemporalAccess,
  actor: string,
  request: MigrateRequest,
  item: { enrollmentId: string; workflowId: string; attempts: number },
): Promise<void> {
  const where = and(
    eq(enrollmentMigrationItems.migrationId, request.migrationId),
    eq(enrollmentMigrationItems.enrollmentId, item.enrollmentId),
  );
  const attempts = item.attempts + 1;
  let result;
  try {
    result = await temporal.client.workflow
      .getHandle(item.workflowId)
      .executeUpdate(migrateUpdate, { args: [request] });
  } catch (error) {
    const reason =
      error instanceof WorkflowUpdateFailedError
        ? (error.cause?.message ?? error.message)
        : error instanceof WorkflowNotFoundError
          ? "The patient's journey is no longer running."
          : `Temporal did not answer: ${(error as Error).message}`;
    await recordFailure(db, request.migrationId, item, reason);
    return;
  }
  await db.transaction(
    async (tx) => {
      await tx
        .update(enrollments)
        .set({ versionId: request.toVersionId })
        .where(and(eq(enrollments.id, item.enrollmentId), eq(enrollments.versionId, request.fromVersionId)));
      await tx
        .update(enrollmentMigrationItems)
        .set({
          status: 'moved',
          fromStep: result.fromStep,
          toStep: result.toStep,
          error: null,
          attempts,
          updatedAt: nowIso(),
        })
        .where(where);
      await appendAudit(tx, {
        actor,
        action: 'enrollment.migrated',
        entityType: 'enrollment',
        entityId: item.enrollmentId,
        data: {
          migrationId: request.migrationId,
          fromVersionId: request.fromVersionId,
          toVersionId: request.toVersionId,
          fromStep: result.fromStep,
          toStep: result.toStep,
          stayedMidStep: result.kept,
        },
      });
    },
    { behavior: 'immediate' },
  );
}

async function recordFailure(
  db: Database,
  migrationId: string,
  item: { enrollmentId: string; attempts: number },
  reason: string,
): Promise<void> {
  await db
    .update(enrollmentMigrationItems)
    .set({ status: 'failed', error: reason, attempts: item.attempts + 1, updatedAt: nowIso() })
    .where(
      and(
        eq(enrollmentMigrationItems.migrationId, migrationId),
        eq(enrollmentMigrationItems.enrollmentId, item.enrollmentId),
      ),
    );
}
