/**
 * Live counts of a version for its canvas: patients at each step now and patients past each edge from Temporal's
 * visibility (one count query per step and per edge, never one per patient), goals and ends from the database.
 */
import { and, count, eq, sql } from 'drizzle-orm';
import type { Client } from '@temporalio/client';
import type { Database } from '../db/client.js';
import { auditTrail, enrollments, versions } from '../db/schema.js';
import { NotFoundError } from '../errors.js';
import type { JourneyDocument } from '../../schema/document.js';
import { edgeKey } from './edges.js';

export interface LiveCounts {
  versionId: string;
  /** Running enrollments at each step now. */
  atStep: Record<string, number>;
  /** Enrollments that have passed each edge (`step.output`): running ones, and ended ones while visibility keeps them. */
  passed: Record<string, number>;
  /** Enrollments that reached each goal. */
  goals: Record<string, number>;
  /** Enrollments by status, running and ended. */
  enrollments: { running: number; completed: number; exited: number; failed: number };
  /** False when visibility could not answer (Temporal down, search attributes not registered): step and edge counts are empty. */
  visibility: boolean;
  countedAt: string;
}

/** Visibility query text for a keyword value; ids never hold quotes, but escape anyway. */
function keyword(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** Every (step, output) edge of the document that leads somewhere. */
export function edgesOf(document: JourneyDocument): string[] {
  return Object.entries(document.steps).flatMap(([id, step]) =>
    Object.keys((step as { outputs?: Record<string, string> }).outputs ?? {}).map((output) => edgeKey(id, output)),
  );
}

/**
 * At most this many count queries in flight: a 500-step journey asks about a thousand edges, and the server's
 * visibility store should see a steady trickle, not a burst. (Counts cannot GROUP BY a custom search attribute.)
 */
const CONCURRENT_QUERIES = 8;

async function mapLimited<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}

async function visibilityCounts(client: Client, versionId: string, document: JourneyDocument) {
  const version = `CarepathVersionId = ${keyword(versionId)}`;
  const countOf = async (query: string) => (await client.workflow.count(query)).count;
  const steps = Object.keys(document.steps);
  const edges = edgesOf(document);
  const atStep = await mapLimited(
    steps,
    CONCURRENT_QUERIES,
    async (step) =>
      [step, await countOf(`${version} AND CarepathStep = ${keyword(step)} AND ExecutionStatus = 'Running'`)] as const,
  );
  const passed = await mapLimited(
    edges,
    CONCURRENT_QUERIES,
    async (edge) => [edge, await countOf(`${version} AND CarepathPassed = ${keyword(edge)}`)] as const,
  );
  return { atStep: Object.fromEntries(atStep), passed: Object.fromEntries(passed) };
}

export async function liveCounts(db: Database, client: Client | undefined, versionId: string): Promise<LiveCounts> {
  const [version] = await db
    .select({ id: versions.id, document: versions.document })
    .from(versions)
    .where(eq(versions.id, versionId));
  if (!version) throw NotFoundError.of('version', versionId);
  const document = version.document as JourneyDocument;

  const byStatus = await db
    .select({ status: enrollments.status, n: count() })
    .from(enrollments)
    .where(eq(enrollments.versionId, versionId))
    .groupBy(enrollments.status);
  const goal = sql<string>`json_extract(${auditTrail.data}, '$.goal')`;
  const goals = await db
    .select({ goal, n: count() })
    .from(auditTrail)
    .innerJoin(enrollments, eq(enrollments.id, auditTrail.entityId))
    .where(and(eq(auditTrail.action, 'enrollment.goal'), eq(enrollments.versionId, versionId)))
    .groupBy(goal);

  let visible: Awaited<ReturnType<typeof visibilityCounts>> | undefined;
  if (client) {
    try {
      visible = await visibilityCounts(client, versionId, document);
    } catch (error) {
      // Counts are a view: the canvas shows the database's numbers and says the live ones are missing.
      console.warn('carepath: live counts from visibility failed:', (error as Error).message);
    }
  }
  const statuses = Object.fromEntries(byStatus.map((r) => [r.status, r.n]));
  return {
    versionId,
    atStep: visible?.atStep ?? {},
    passed: visible?.passed ?? {},
    goals: Object.fromEntries(goals.map((g) => [g.goal, g.n])),
    enrollments: {
      running: statuses.running ?? 0,
      completed: statuses.completed ?? 0,
      exited: statuses.exited ?? 0,
      failed: statuses.failed ?? 0,
    },
    visibility: visible !== undefined,
    countedAt: new Date().toISOString(),
  };
}
