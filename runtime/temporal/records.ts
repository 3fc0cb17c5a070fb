/** The activity that records what a journey did besides sending: tasks for the care team, assessment responses, goals, attribute updates. */
import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { appendAudit } from '../db/audit.js';
import { newId, nowIso } from '../db/ids.js';
import { assessmentResponses, auditTrail, enrollments, patients, tasks } from '../db/schema.js';
import type { JourneyRecordInput } from './types.js';

/** Each command is recorded once: a retried activity finds its own row by key and changes nothing. */
export function createRecordActivity(db: Database) {
  return async function recordJourneyCommand({ enrollmentId, workflowId, command }: JourneyRecordInput): Promise<void> {
    const key = 'step' in command ? `${workflowId}:${command.step}:${command.visit}` : undefined;
    await db.transaction(
      async (tx) => {
        const audit = (action: string, entityType: string, entityId: string, data?: unknown) =>
          appendAudit(tx, { actor: 'system', action, entityType, entityId, ...(data !== undefined ? { data } : {}) });
        switch (command.type) {
          case 'create-task': {
            const id = newId('tsk');
            const inserted = await tx
              .insert(tasks)
              .values({
                id,
                enrollmentId,
                key: key!,
                stepId: command.step,
                queue: command.queue,
                title: command.title,
                talkingPoints: command.talkingPoints,
                outcomes: command.outcomes,
                status: 'open',
                visit: command.visit,
                dueAt: new Date(command.dueAt).toISOString(),
              })
              .onConflictDoNothing({ target: tasks.key })
              .returning({ id: tasks.id });
            if (inserted.length > 0)
              await audit('task.created', 'task', id, { enrollmentId, step: command.step, queue: command.queue });
            return;
          }
          case 'escalate-task':
          case 'close-task': {
            const status = command.type === 'escalate-task' ? 'escalated' : 'closed';
            const updated = await tx
              .update(tasks)
              .set({
                status,
                ...(command.type === 'close-task'
                  ? { outcome: command.outcome, closedAt: nowIso() }
                  : // An escalated task moves to its escalation queue, where it is shown apart.
                    { escalatedAt: nowIso(), ...(command.queue ? { queue: command.queue } : {}) }),
              })
              .where(and(eq(tasks.key, key!), eq(tasks.status, 'open')))
              .returning({ id: tasks.id });
            for (const row of updated)
              await audit(
                `task.${status}`,
                'task',
                row.id,
                command.type === 'close-task' ? { outcome: command.outcome } : undefined,
              );
            return;
          }
          case 'record-assessment': {
            const id = newId('qr');
            const status = (command.response as { status?: string } | null)?.status ?? 'completed';
            const inserted = await tx
              .insert(assessmentResponses)
              .values({
                id,
                enrollmentId,
                key: `${key}:${status}`,
                stepId: command.step,
                score: command.score,
                response: command.response,
              })
              .onConflictDoNothing({ target: assessmentResponses.key })
              .returning({ id: assessmentResponses.id });
            if (inserted.length > 0)
              await audit('assessment.recorded', 'enrollment', enrollmentId, {
                step: command.step,
                score: command.score,
                status,
              });
            return;
          }
          case 'record-goal': {
            // A retried activity finds its goal already recorded.
            const recorded = await tx
              .select({ data: auditTrail.data })
              .from(auditTrail)
              .where(and(eq(auditTrail.action, 'enrollment.goal'), eq(auditTrail.entityId, enrollmentId)));
            if (recorded.some((r) => (r.data as { goal?: string } | null)?.goal === command.goal)) return;
            await audit('enrollment.goal', 'enrollment', enrollmentId, { goal: command.goal });
            return;
          }
          case 'update-attributes': {
            const [row] = await tx
              .select({ patientId: enrollments.patientId, attributes: patients.attributes })
              .from(enrollments)
              .innerJoin(patients, eq(patients.id, enrollments.patientId))
              .where(eq(enrollments.id, enrollmentId));
            if (!row) return;
            await tx
              .update(patients)
              .set({ attributes: { ...row.attributes, ...command.values } })
              .where(eq(patients.id, row.patientId));
            await audit('patient.attributes-updated', 'patient', row.patientId, {
              enrollmentId,
              attributes: Object.keys(command.values),
              addTags: command.addTags,
              removeTags: command.removeTags,
            });
            return;
          }
        }
      },
      { behavior: 'immediate' },
    );
  };
}
