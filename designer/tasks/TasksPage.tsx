/** The care team's task queue: queues on the left, open tasks by deadline with escalated ones apart, the chosen task beside them. */
import { useState } from 'react';
import type { User } from '../api/types.js';
import { usePolling } from '../run/usePolling.js';
import { QueueList } from './QueueList.js';
import { TaskTable } from './TaskTable.js';
import { TaskView } from './TaskView.js';
import { tasksApi } from './tasks-api.js';
import './tasks.css';

/** Often enough that a task claimed by a colleague leaves the list soon; cheap, one query. */
const REFRESH_MS = 5000;

export function TasksPage({ user, taskId }: { user: User; taskId?: string }) {
  const [queue, setQueue] = useState<string>();
  // Bumped after the nurse acts on a task, so the lists follow at once rather than at the next poll.
  const [changes, setChanges] = useState(0);
  const { data, error } = usePolling(() => tasksApi.list(), REFRESH_MS, [changes]);
  const now = Date.now();
  const shown = (list: NonNullable<typeof data>['tasks']) =>
    queue === undefined ? list : list.filter((t) => t.queue === queue);
  const canWork = user.roles.includes('care-team');

  return (
    <main className="page tasks-page" data-testid="tasks-page">
      <QueueList queues={data?.queues ?? []} selected={queue} onSelect={setQueue} />
      <section className="tasks-lists">
        <div className="page-head">
          <h1>Tasks{queue ? `: ${queue}` : ''}</h1>
          {!canWork && <span className="muted small">Read only: tasks are worked by the care team.</span>}
        </div>
        {error && (
          <p className="error-text" role="alert">
            {error}
          </p>
        )}
        {!data && !error && <p className="muted">Loading…</p>}
        {data && (
          <>
            <TaskTable
              caption="Open"
              tasks={shown(data.tasks)}
              now={now}
              selectedId={taskId}
              empty="No open tasks in this queue."
              testId="tasks-open"
            />
            <TaskTable
              caption="Escalated: past their deadline"
              tasks={shown(data.escalated)}
              now={now}
              selectedId={taskId}
              empty="Nothing escalated."
              testId="tasks-escalated"
              escalated
            />
          </>
        )}
      </section>
      {taskId && (
        <TaskView
          key={taskId}
          taskId={taskId}
          user={user}
          canWork={canWork}
          onChanged={() => setChanges((n) => n + 1)}
        />
      )}
    </main>
  );
}
