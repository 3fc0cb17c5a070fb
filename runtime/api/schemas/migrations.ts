/** Migrations of enrolled patients to a later version: the request (old version and hand choices), the dry run, and the migration's progress. */
import { z } from '@hono/zod-openapi';

const StepId = z.string().min(1).max(100);

export const MigrationInput = z
  .object({
    fromVersionId: z.string().min(1).max(100).openapi({ description: 'The version the patients run now (N)' }),
    mapping: z
      .record(StepId, StepId)
      .refine((m) => Object.keys(m).length <= 2000, 'at most 2,000 steps')
      .optional()
      .openapi({ description: 'Hand choices: step of N → step of M. Unchanged steps map themselves and need none.' }),
  })
  .openapi('MigrationInput');

const VersionRef = z.object({ id: z.string(), number: z.number().int() });

export const MappingRow = z
  .object({
    from: z.string(),
    fromName: z.string().optional(),
    fromType: z.string(),
    to: z.string().optional(),
    automatic: z.boolean().openapi({ description: 'Filled in because the step exists unchanged in M' }),
    unchanged: z.boolean(),
    problem: z.string().optional(),
  })
  .openapi('MigrationMappingRow');

export const MigrationDryRun = z
  .object({
    fromVersion: VersionRef,
    toVersion: VersionRef.extend({ status: z.string() }),
    mapping: z.object({
      rows: z.array(MappingRow),
      problems: z
        .array(z.object({ pointer: z.string(), step: z.string(), message: z.string() }))
        .openapi({ description: 'Wrong hand choices: nothing moves until they are fixed' }),
      unmapped: z
        .array(z.string())
        .openapi({ description: 'Steps of N without a target yet: patients there cannot move, the others can' }),
    }),
    targetSteps: z
      .array(z.object({ id: z.string(), type: z.string(), name: z.string().optional() }))
      .openapi({ description: 'The steps of M where patients can be sent (where patients wait)' }),
    running: z.number().int().openapi({ description: 'Running enrollments of N' }),
    moving: z.number().int().openapi({ description: 'How many would move now' }),
    byTarget: z.array(z.object({ from: z.string(), to: z.string(), kept: z.boolean(), patients: z.number().int() })),
    cannotMove: z.array(
      z.object({
        enrollmentId: z.string(),
        patientId: z.string(),
        patientName: z.string(),
        step: z.string().optional(),
        reason: z.string(),
      }),
    ),
  })
  .openapi('MigrationDryRun');

export const Migration = z
  .object({
    id: z.string(),
    fromVersion: VersionRef,
    toVersion: VersionRef,
    targets: z.record(z.string(), z.object({ to: z.string(), keep: z.boolean() })),
    createdBy: z.string(),
    createdAt: z.string(),
    counts: z.object({ pending: z.number().int(), moved: z.number().int(), failed: z.number().int() }),
    moving: z.boolean().openapi({ description: 'This server is moving the patients now' }),
    done: z
      .boolean()
      .openapi({ description: 'Nobody pending and nothing under way; pending while not moving: retry to finish' }),
    failures: z.array(
      z.object({
        enrollmentId: z.string(),
        patientName: z.string(),
        fromStep: z.string().optional(),
        reason: z.string(),
        attempts: z.number().int(),
      }),
    ),
  })
  .openapi('Migration');

export const MigrationAnswer = z.object({ migration: Migration }).openapi('MigrationAnswer');
export const MigrationList = z.object({ migrations: z.array(Migration) }).openapi('MigrationList');
