/** A nurse task as the care team sees it: title, queue, deadline, the approved talking points and the outcomes to record. */
import { describeDuration } from '../../schema/duration.js';
import type { RenderedTask } from './rendered-messages.js';

export function RenderedTaskCard({ task }: { task: RenderedTask }) {
  return (
    <>
      <p className="rendered-meta">
        <span className="channel-tag">Task</span> {task.title} · queue {task.queue} · within{' '}
        {describeDuration(task.deadline)}
      </p>
      <p className="muted small">Talking points on the nurse's screen:</p>
      <ul className="rendered-talking-points" data-testid={`rendered-talking-points-${task.stepId}`}>
        {task.talkingPoints.length === 0 ? (
          <li className="muted">None</li>
        ) : (
          task.talkingPoints.map((point, i) => <li key={i}>{point}</li>)
        )}
      </ul>
      <p className="muted small">Outcomes: {task.outcomes.join(', ')}</p>
    </>
  );
}
