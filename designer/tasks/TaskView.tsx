/** One task as the nurse works it: claim or release, the approved talking points, the patient's context, and the outcome form. */
import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../api/client.js';
import type { User } from '../api/types.js';
import { OutcomeForm } from './OutcomeForm.js';
import { PatientContext } from './PatientContext.js';
import { tasksApi, type TaskCompletionAnswer, type TaskDetail } from './tasks-api.js';
import { timeLeft } from './time-left.js';

interface Props {
  taskId: string;
  user: User;
  canWork: boolean;
  /** Called after a claim, release or outcome, so the queue lists refresh. */
  onChanged: () => void;
}

export function TaskView({ taskId, user, canWork, onChanged }: Props) {
  const [detail, setDetail] = useState<TaskDetail>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [recorded, setRecorded] = useState<TaskCompletionAnswer>();

  const load = useCallback(
    () =>
      tasksApi.get(taskId).then(
        (answer) => setDetail(answer),
        (err) => setError(errorMessage(err)),
      ),
    [taskId],
  );
  useEffect(() => void load(), [load]);

  async function act(action: () => Promise<unknown>) {
    setBusy(true);
    setError(undefined);
    try {
      await action();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
      onChanged();
      await load();
    }
  }

  if (!detail)
    return (
      <aside className="panel task-view" data-testid="task-view">
        {error ? <p className="error-text">{error}</p> : <p className="muted">Loading…</p>}
      </aside>
    );
  const { task, context } = detail;
  const mine = task.claimedBy?.id === user.id;
  const open = task.status === 'open' || task.status === 'escalated';

  return (
    <aside className="panel task-view" data-testid="task-view" data-status={task.status}>
      <header className="task-view-head">
        <h2>{task.title}</h2>
        <span className={`pill status-${task.escalated && open ? 'failed' : open ? 'running' : 'completed'}`}>
          {open ? (task.escalated ? 'escalated' : 'open') : task.status}
        </span>
      </header>
      <p className="muted small">
        {context.patient.name} · {task.journey.name} v{task.version.number} · step <code>{task.stepId}</code> · queue{' '}
        {task.queue}
        {open && <> · {timeLeft(task.dueAt, Date.now())}</>}
      </p>

      {open && (canWork || user.roles.includes('admin')) && (
        <div className="task-actions">
          {task.claimedBy === null && canWork && (
            <button
              type="button"
              className="primary"
              disabled={busy}
              onClick={() => act(() => tasksApi.claim(task.id))}
              data-testid="task-claim"
            >
              Claim
            </button>
          )}
          {task.claimedBy && (
            <span className="small" data-testid="task-claimed-by">
              {mine ? 'You are working this task.' : `${task.claimedBy.name} is working this task.`}
            </span>
          )}
          {task.claimedBy && (mine || user.roles.includes('admin')) && (
            <button
              type="button"
              disabled={busy}
              onClick={() => act(() => tasksApi.release(task.id))}
              data-testid="task-release"
            >
              Release
            </button>
          )}
        </div>
      )}
      {error && (
        <p className="error-text" role="alert" data-testid="task-error">
          {error}
        </p>
      )}

      <section>
        <h3>Talking points</h3>
        {task.talkingPoints.length === 0 ? (
          <p className="muted small">This step has no talking points.</p>
        ) : (
          <ol className="talking-points" data-testid="task-talking-points">
            {task.talkingPoints.map((point, i) => (
              <li key={i}>{point}</li>
            ))}
          </ol>
        )}
        <p className="muted small">Approved with version {task.version.number} of the journey.</p>
      </section>

      {recorded && (
        <p className="ok-text" role="status" data-testid="task-recorded">
          Recorded “{task.outcomes.find((o) => o.id === recorded.task.outcome)?.label ?? recorded.task.outcome}”.{' '}
          {recorded.journey
            ? recorded.journey.step
              ? `The journey went on to step ${recorded.journey.step}.`
              : `The journey has ${recorded.journey.status}.`
            : 'The journey had already moved on at the deadline; the follow-up is on record.'}
        </p>
      )}
      {open && canWork && (
        <OutcomeForm
          task={task}
          enabled={mine}
          onRecord={(outcome, note) =>
            act(async () => setRecorded(await tasksApi.complete(task.id, { outcome, ...(note ? { note } : {}) })))
          }
          busy={busy}
        />
      )}
      {task.status === 'closed' && !recorded && (
        <p className="small" data-testid="task-closed">
          Closed with “{task.outcomes.find((o) => o.id === task.outcome)?.label ?? task.outcome}” by{' '}
          {task.closedBy?.name ?? 'the journey'}
          {task.closedAt && <> on {new Date(task.closedAt).toLocaleString()}</>}.{task.note && <> Note: {task.note}</>}
        </p>
      )}

      {task.status === 'cancelled' && (
        <p className="small" data-testid="task-cancelled">
          Cancelled{task.closedAt && <> on {new Date(task.closedAt).toLocaleString()}</>}: {task.cancelReason}.
        </p>
      )}

      <PatientContext context={context} />
    </aside>
  );
}
