/** A version's enrollments for its program manager: each patient's status and current step, and counts by both; steps from one visibility listing, never a query per patient. */
import { desc, eq } from 'drizzle-orm';
import type { Client } from '@temporalio/client';
import type { Database } from '../db/client.js';
import { enrollments, patients, versions } from '../db/schema.js';
import { NotFoundError } from '../errors.js';
import { currentStepKey } from '../temporal/search-attributes.js';

/** The most enrollments one answer lists; counts by status always cover them all. */
export const LIST_LIMIT = 1_000;

/** Visibility query text for a keyword value; ids never hold quotes, but escape anyway. */
const keyword = (value: string) => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** Workflow id → current step, from one paginated visibility listing of the version's workflows. */
export async function stepsFromVisibility(
  client: Client,
  versionId: string,
  limit = LIST_LIMIT * 2,
): Promise<Map<string, string> | undefined> {
  const steps = new Map<string, string>();
  try {
    for await (const execution of client.workflow.list({ query: `CarepathVersionId = ${keyword(versionId)}` })) {
      const step = execution.typedSearchAttributes.get(currentStepKey);
      // Newest run first: a run that continued as new is listed too, with the step it had then.
      if (step && !steps.has(execution.workflowId)) steps.set(execution.workflowId, step);
      if (steps.size > limit) break;
    }
    return steps;
  } catch {
    // Visibility down or the attributes not registered: the list still shows statuses, without steps.
    return undefined;
  }
}

export async function versionEnrollments(db: Database, client: Client | undefined, versionId: string) {
  const [version] = await db.select({ id: versions.id }).from(versions).where(eq(versions.id, versionId));
  if (!version) throw NotFoundError.of('version', versionId);
  const rows = await db
    .select({
      id: enrollments.id,
      patientId: enrollments.patientId,
      patientName: patients.name,
      workflowId: enrollments.workflowId,
      status: enrollments.status,
      reason: enrollments.reason,
      startedAt: enrollments.startedAt,
      endedAt: enrollments.endedAt,
    })
    .from(enrollments)
    .innerJoin(patients, eq(patients.id, enrollments.patientId))
    .where(eq(enrollments.versionId, versionId))
    .orderBy(desc(enrollments.startedAt));
  const steps = client ? await stepsFromVisibility(client, versionId) : undefined;
  const byStatus: Record<string, number> = {};
  const byStep: Record<string, number> = {};
  for (const row of rows) {
    byStatus[row.status] = (byStatus[row.status] ?? 0) + 1;
    const step = steps?.get(row.workflowId);
    if (row.status === 'running' && step) byStep[step] = (byStep[step] ?? 0) + 1;
  }
  return {
    versionId,
    total: rows.length,
    byStatus,
    /** Running enrollments at each step; empty when visibility could not answer. */
    byStep,
    stepsKnown: steps !== undefined,
    enrollments: rows.slice(0, LIST_LIMIT).map(({ workflowId, reason, endedAt, ...row }) => ({
      ...row,
      ...(reason ? { reason } : {}),
      ...(endedAt ? { endedAt } : {}),
      ...(steps?.get(workflowId) ? { step: steps.get(workflowId) } : {}),
    })),
  };
}
