/** A test enrollment as it runs: its status, where the patient is, and the path so far (also drawn on the canvas). */
import type { Enrollment } from '../api/types.js';
import type { JourneyDocument } from '../../schema/index.js';
import { SkipWaitButton } from './SkipWaitButton.js';

interface Props {
  enrollment?: Enrollment;
  error?: string;
  document: JourneyDocument;
}

export function EnrollmentPanel({ enrollment, error, document }: Props) {
  const state = enrollment?.state;
  const stepName = (id: string) => document.steps[id]?.name ?? id;
  const status = state?.status ?? enrollment?.status;
  return (
    <section
      className="panel enrollment"
      aria-label="Test enrollment"
      data-testid="enrollment-panel"
      data-enrollment-id={enrollment?.id}
      data-status={status}
    >
      <h2 className="panel-title">Test enrollment</h2>
      {error && <p className="error-text small">{error}</p>}
      {!enrollment ? (
        <p className="muted">Loading…</p>
      ) : (
        <>
          <p>
            Status:{' '}
            <span className={`status status-${status}`} data-testid="enrollment-status">
              {status}
            </span>
          </p>
          {state?.reason && <p className="muted small">{state.reason}</p>}
          {state?.phase && state.phase.kind !== 'done' && (
            <p className="small" data-testid="enrollment-phase">
              {state.phase.kind === 'awaiting-reply'
                ? 'Awaiting a reply at '
                : state.phase.kind === 'waiting'
                  ? 'Waiting at '
                  : 'Sending at '}
              <strong>{stepName(state.phase.step)}</strong>
            </p>
          )}
          <SkipWaitButton enrollment={enrollment} />
          <ol className="path-list" data-testid="enrollment-path">
            {(state?.path ?? []).map((entry, i) => (
              <li key={i} data-testid="path-entry" data-step={entry.step} data-output={entry.output}>
                <strong>{stepName(entry.step)}</strong>
                {entry.output ? (
                  <>
                    {' '}
                    → <code>{entry.output}</code>
                  </>
                ) : (
                  <span className="muted"> (here)</span>
                )}
                {entry.detail && <small className="muted"> · {entry.detail}</small>}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
