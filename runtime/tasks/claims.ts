/** Claiming and releasing a task: one nurse works it at a time, and the claim and its release are audited. */
import { and, eq, isNull, or } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { appendAudit } from '../db/audit.js';
import { nowIso } from '../db/ids.js';
import { tasks, users } from '../db/schema.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors.js';
import type { SessionUser } from '../people/roles.js';
import type { Task } from '../api/schemas/task.js';
import { loadTasks } from './view.js';

async function taskRow(db: Pick<Database, 'select'>, id: string) {
  const [row] = await db.select().from(tasks).where(eq(tasks.id, id));
  if (!row) throw NotFoundError.of('task', id);
  return row;
}

async function nameOf(db: Pick<Database, 'select'>, userId: string): Promise<string> {
  const [user] = await db.select({ name: users.name }).from(users).where(eq(users.id, userId));
  return user?.name ?? 'another user';
}

/** Refuses a closed task, or one another user holds; says who and since when. */
export async function refuseUnworkable(
  db: Pick<Database, 'select'>,
  row: typeof tasks.$inferSelect,
  user: SessionUser,
) {
  if (row.status === 'closed')
    throw new ConflictError(
      'task-closed',
      `This task is closed: outcome "${row.outcome}" was recorded at ${row.closedAt}. Nothing was changed.`,
    );
  if (row.status === 'cancelled')
    throw new ConflictError(
      'task-cancelled',
      `This task was cancelled at ${row.closedAt}: ${row.cancelReason}. Nothing was changed.`,
    );
  if (row.claimedBy !== null && row.claimedBy !== user.id)
    throw new ConflictError(
      'task-claimed',
      `${await nameOf(db, row.claimedBy)} is working this task (claimed at ${row.claimedAt}); they can release it.`,
    );
}

export async function claimTask(db: Database, user: SessionUser, id: string): Promise<Task> {
  await db.transaction(
    async (tx) => {
      const row = await taskRow(tx, id);
      await refuseUnworkable(tx, row, user);
      if (row.claimedBy === user.id) return; // claiming twice changes nothing
      const updated = await tx
        .update(tasks)
        .set({ claimedBy: user.id, claimedAt: nowIso() })
        .where(
          and(eq(tasks.id, id), isNull(tasks.claimedBy), or(eq(tasks.status, 'open'), eq(tasks.status, 'escalated'))),
        )
        .returning({ id: tasks.id });
      if (updated.length === 0) throw new ConflictError('task-claimed', 'Someone claimed this task a moment ago.');
      await appendAudit(tx, { actor: user.id, action: 'task.claimed', entityType: 'task', entityId: id });
    },
    { behavior: 'immediate' },
  );
  return (await loadTasks(db, eq(tasks.id, id)))[0];
}

/** Gives the task back to its queue. Only the holder releases it, or an admin (for a nurse who went home). */
export async function releaseTask(db: Database, user: SessionUser, id: string): Promise<Task> {
  await db.transaction(
    async (tx) => {
      const row = await taskRow(tx, id);
      if (row.status === 'closed' || row.status === 'cancelled')
        throw new ConflictError(
          `task-${row.status}`,
          row.status === 'closed'
            ? `This task is closed (outcome "${row.outcome}"); there is nothing to release.`
            : `This task was cancelled (${row.cancelReason}); there is nothing to release.`,
        );
      if (row.claimedBy === null) return; // already in the queue
      if (row.claimedBy !== user.id && !user.roles.includes('admin'))
        throw new ForbiddenError(
          'task-claimed-by-other',
          `${await nameOf(tx, row.claimedBy)} holds this task; only they or an admin can release it.`,
        );
      await tx.update(tasks).set({ claimedBy: null, claimedAt: null }).where(eq(tasks.id, id));
      await appendAudit(tx, {
        actor: user.id,
        action: 'task.released',
        entityType: 'task',
        entityId: id,
        data: { heldBy: row.claimedBy },
      });
    },
    { behavior: 'immediate' },
  );
  return (await loadTasks(db, eq(tasks.id, id)))[0];
}
