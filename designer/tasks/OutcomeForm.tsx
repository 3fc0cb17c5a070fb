/** Record one of the step's outcomes with a note; the journey branches on the outcome at once. */
import { useState, type FormEvent } from 'react';
import type { Task } from './tasks-api.js';

interface Props {
  task: Task;
  /** Only the nurse who claimed the task records its outcome. */
  enabled: boolean;
  busy: boolean;
  onRecord: (outcome: string, note: string) => void;
}

export function OutcomeForm({ task, enabled, busy, onRecord }: Props) {
  const [outcome, setOutcome] = useState<string>();
  const [note, setNote] = useState('');
  function submit(event: FormEvent) {
    event.preventDefault();
    if (outcome) onRecord(outcome, note.trim());
  }
  return (
    <form className="outcome-form" onSubmit={submit} data-testid="task-outcome-form">
      <h3>Outcome</h3>
      {!enabled && <p className="muted small">Claim the task to record its outcome.</p>}
      <fieldset disabled={!enabled || busy}>
        <div className="outcome-options" role="radiogroup" aria-label="Outcome">
          {task.outcomes.map((o) => (
            <label key={o.id} className="toggle toggle--inline">
              <input
                type="radio"
                name="outcome"
                value={o.id}
                checked={outcome === o.id}
                onChange={() => setOutcome(o.id)}
                data-testid={`task-outcome-${o.id}`}
              />
              {o.label}
            </label>
          ))}
        </div>
        <label className="field">
          <span>Note</span>
          <textarea
            rows={3}
            maxLength={2000}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            placeholder="What was said, what to follow up"
            data-testid="task-note"
          />
        </label>
        <button type="submit" className="primary" disabled={!outcome} data-testid="task-record">
          Record outcome
        </button>
      </fieldset>
    </form>
  );
}
