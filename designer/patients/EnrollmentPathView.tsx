/** The path one enrollment took: its steps in order with the time the patient reached each and the way they left it; on request, drawn on a read-only canvas of that version with the path lit. */
import { useEffect, useMemo, useState } from 'react';
import { errorMessage } from '../api/client.js';
import { patientsApi, type EnrollmentPath } from './patients-api.js';
import { PathCanvas } from './PathCanvas.js';

const when = (iso: string) => new Date(iso).toLocaleString();

export function EnrollmentPathView({ enrollmentId, versionId }: { enrollmentId: string; versionId: string }) {
  const [path, setPath] = useState<EnrollmentPath>();
  const [error, setError] = useState<string>();
  const [onCanvas, setOnCanvas] = useState(false);
  useEffect(() => {
    let current = true;
    patientsApi.path(enrollmentId).then(
      (answer) => current && setPath(answer),
      (err) => current && setError(errorMessage(err)),
    );
    return () => {
      current = false;
    };
  }, [enrollmentId]);
  const canvasId = useMemo(() => `path-canvas-${enrollmentId}`, [enrollmentId]);

  if (error) return <p className="error-text small">{error}</p>;
  if (!path) return <p className="muted small">Loading the path…</p>;
  return (
    <div className="enrollment-path" data-testid="enrollment-path-view" data-source={path.source}>
      {path.source === 'records' && (
        <p className="muted small">
          Rebuilt from the messages, answers and tasks on record (Temporal no longer has this run&apos;s own path), so
          waits and splits are not listed.
        </p>
      )}
      <ol className="path-list" data-testid="patient-path">
        {path.steps.length === 0 && <li className="muted">No step reached yet.</li>}
        {path.steps.map((s, i) => (
          <li key={i} data-testid="patient-path-step" data-step={s.step} data-output={s.output}>
            <time dateTime={s.enteredAt}>{when(s.enteredAt)}</time> <strong>{s.name}</strong>{' '}
            <span className="muted">({s.type})</span>
            {s.output ? (
              <>
                {' '}
                → <code>{s.output}</code>
              </>
            ) : (
              path.currentStep === s.step && <em> — here now</em>
            )}
            {s.detail && <small className="muted"> · {s.detail}</small>}
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="link small"
        aria-expanded={onCanvas}
        aria-controls={canvasId}
        onClick={() => setOnCanvas((open) => !open)}
        data-testid="patient-path-canvas-toggle"
      >
        {onCanvas ? 'Hide the canvas' : 'Show on the canvas'}
      </button>
      {onCanvas && (
        <div id={canvasId}>
          <PathCanvas versionId={versionId} path={path} />
        </div>
      )}
    </div>
  );
}
