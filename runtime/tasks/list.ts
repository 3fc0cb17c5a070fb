/** The care team's queues: open tasks soonest deadline first, escalated ones apart, and a count per queue. */
import { and, eq, or } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { enrollments, tasks } from '../db/schema.js';
import type { Task } from '../api/schemas/task.js';
import { loadTasks } from './view.js';

export interface TaskListing {
  queues: { queue: string; open: number; escalated: number }[];
  tasks: Task[];
  escalated: Task[];
}

/**
 * Tasks still to be worked. An open task of an enrollment that has ended (an exit, STOP) is not offered: nothing
 * waits for its outcome any more. Escalated tasks stay until someone follows them up.
 */
export async function listTasks(db: Database, filter: { queue?: string } = {}, now = Date.now()): Promise<TaskListing> {
  const working = await loadTasks(
    db,
    or(and(eq(tasks.status, 'open'), eq(enrollments.status, 'running')), eq(tasks.status, 'escalated')),
    now,
  );
  const counts = new Map<string, { queue: string; open: number; escalated: number }>();
  for (const task of working) {
    const entry = counts.get(task.queue) ?? { queue: task.queue, open: 0, escalated: 0 };
    if (task.escalated) entry.escalated += 1;
    else entry.open += 1;
    counts.set(task.queue, entry);
  }
  const shown = filter.queue === undefined ? working : working.filter((t) => t.queue === filter.queue);
  const byDeadline = (a: Task, b: Task) => a.dueAt.localeCompare(b.dueAt);
  return {
    queues: [...counts.values()].sort((a, b) => a.queue.localeCompare(b.queue)),
    tasks: shown.filter((t) => !t.escalated).sort(byDeadline),
    escalated: shown.filter((t) => t.escalated).sort(byDeadline),
  };
}
