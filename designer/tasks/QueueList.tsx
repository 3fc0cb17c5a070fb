/** The queues with their counts; choosing one narrows the lists, "All queues" shows everything. */
import type { TaskListing } from './tasks-api.js';

interface Props {
  queues: TaskListing['queues'];
  selected?: string;
  onSelect: (queue: string | undefined) => void;
}

export function QueueList({ queues, selected, onSelect }: Props) {
  return (
    <nav className="panel queue-list" aria-label="Queues" data-testid="task-queues">
      <div className="panel-title">Queues</div>
      <button
        type="button"
        className={selected === undefined ? 'queue queue--selected' : 'queue'}
        aria-pressed={selected === undefined}
        onClick={() => onSelect(undefined)}
      >
        All queues
      </button>
      {queues.map((q) => (
        <button
          type="button"
          key={q.queue}
          className={selected === q.queue ? 'queue queue--selected' : 'queue'}
          aria-pressed={selected === q.queue}
          onClick={() => onSelect(q.queue)}
          data-testid={`task-queue-${q.queue}`}
        >
          <span>{q.queue}</span>
          <span className="count">{q.open}</span>
          {q.escalated > 0 && <span className="count count--error">{q.escalated} escalated</span>}
        </button>
      ))}
    </nav>
  );
}
