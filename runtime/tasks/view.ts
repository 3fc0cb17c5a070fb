/** How a task reads to the care team: the row joined with its patient, journey and version, its deadline as time left, and who holds it. */
import { eq, inArray, type SQL } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { enrollments, journeys, patients, tasks, users, versions } from '../db/schema.js';
import type { JourneyDocument } from '../../schema/document.js';
import type { Task } from '../api/schemas/task.js';

export type TaskRow = typeof tasks.$inferSelect;

/** The visit a task belongs to; rows from before the column existed carry it at the end of their key. */
export function visitOf(row: Pick<TaskRow, 'visit' | 'key'>): number {
  return row.visit ?? Number(row.key.slice(row.key.lastIndexOf(':') + 1));
}

/** Past its deadline without an outcome: escalated, even in the moment before the journey has moved it. */
export function isEscalated(row: Pick<TaskRow, 'status' | 'dueAt'>, now: number): boolean {
  return row.status === 'escalated' || (row.status === 'open' && Date.parse(row.dueAt) <= now);
}

/** Tasks matching `where`, as the care team sees them. One query for the rows, one for versions, one for names. */
export async function loadTasks(db: Database, where: SQL | undefined, now = Date.now()): Promise<Task[]> {
  const rows = await db
    .select({
      task: tasks,
      enrollmentStatus: enrollments.status,
      patientId: patients.id,
      patientName: patients.name,
      journeyId: journeys.id,
      journeyName: journeys.name,
      versionId: versions.id,
      versionNumber: versions.number,
    })
    .from(tasks)
    .innerJoin(enrollments, eq(enrollments.id, tasks.enrollmentId))
    .innerJoin(patients, eq(patients.id, enrollments.patientId))
    .innerJoin(journeys, eq(journeys.id, enrollments.journeyId))
    .innerJoin(versions, eq(versions.id, enrollments.versionId))
    .where(where);
  if (rows.length === 0) return [];

  const versionIds = [...new Set(rows.map((r) => r.versionId))];
  const documents = new Map(
    (
      await db
        .select({ id: versions.id, document: versions.document })
        .from(versions)
        .where(inArray(versions.id, versionIds))
    ).map((v) => [v.id, v.document as JourneyDocument]),
  );
  const userIds = [...new Set(rows.flatMap((r) => [r.task.claimedBy, r.task.closedBy]).filter((id) => id !== null))];
  const names = new Map(
    userIds.length === 0
      ? []
      : (await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, userIds))).map((u) => [
          u.id,
          u.name,
        ]),
  );
  const person = (id: string | null) => (id === null ? null : { id, name: names.get(id) ?? id });

  return rows.map(({ task, ...r }) => {
    const step = documents.get(r.versionId)?.steps[task.stepId];
    const labels = new Map(step?.type === 'task' ? step.outcomes.map((o) => [o.id, o.label ?? o.id]) : []);
    return {
      id: task.id,
      queue: task.queue,
      title: task.title,
      stepId: task.stepId,
      visit: visitOf(task),
      status: task.status as Task['status'],
      escalated: isEscalated(task, now),
      dueAt: task.dueAt,
      secondsLeft: Math.round((Date.parse(task.dueAt) - now) / 1000),
      talkingPoints: task.talkingPoints,
      outcomes: task.outcomes.map((id) => ({ id, label: labels.get(id) ?? id })),
      patient: { id: r.patientId, name: r.patientName },
      journey: { id: r.journeyId, name: r.journeyName },
      version: { id: r.versionId, number: r.versionNumber },
      enrollmentId: task.enrollmentId,
      claimedBy: person(task.claimedBy),
      claimedAt: task.claimedAt,
      outcome: task.outcome,
      note: task.note,
      closedBy: person(task.closedBy),
      closedAt: task.closedAt,
      cancelReason: task.cancelReason,
      createdAt: task.createdAt,
    };
  });
}
