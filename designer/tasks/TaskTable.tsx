/** One list of tasks: patient, journey and step, queue, time left, who holds it; a row opens the task. */
import { hrefOf } from '../app/router.js';
import type { Task } from './tasks-api.js';
import { timeLeft } from './time-left.js';

interface Props {
  caption: string;
  tasks: Task[];
  now: number;
  selectedId?: string;
  empty: string;
  testId: string;
  escalated?: boolean;
}

export function TaskTable({ caption, tasks, now, selectedId, empty, testId, escalated }: Props) {
  return (
    <section className={escalated ? 'task-list task-list--escalated' : 'task-list'} data-testid={testId}>
      <h2>
        {caption} <span className="count">{tasks.length}</span>
      </h2>
      {tasks.length === 0 ? (
        <p className="muted small">{empty}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>Patient</th>
              <th>Task</th>
              <th>Journey</th>
              <th>Queue</th>
              <th>Deadline</th>
              <th>Claimed by</th>
            </tr>
          </thead>
          <tbody>
            {tasks.map((task) => (
              <tr
                key={task.id}
                className={task.id === selectedId ? 'selected' : undefined}
                data-testid={`task-row-${task.id}`}
              >
                <td>
                  <a href={hrefOf({ page: 'tasks', taskId: task.id })} data-testid="task-open">
                    {task.patient.name}
                  </a>
                </td>
                <td>{task.title}</td>
                <td>
                  {task.journey.name} <span className="muted">v{task.version.number}</span>
                </td>
                <td>{task.queue}</td>
                <td className={task.escalated ? 'error-text' : undefined} title={new Date(task.dueAt).toLocaleString()}>
                  {timeLeft(task.dueAt, now)}
                </td>
                <td>{task.claimedBy?.name ?? <span className="muted">–</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
