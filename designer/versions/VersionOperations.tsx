/** A version's operations after review: Pause and Resume for the live version, Retire (asked twice, it cannot be undone). */
import { useState } from 'react';
import type { ReviewedVersion } from '../api/review.js';

export interface VersionOperationHandlers {
  onPause: (versionId: string) => void;
  onResume: (versionId: string) => void;
  onRetire: (versionId: string) => void;
}

/** Statuses from which retiring is allowed (runtime/journeys/lifecycle.ts); a snapshot is retired by just leaving it. */
const retirable: ReviewedVersion['status'][] = ['approved', 'published', 'paused', 'superseded'];

export function VersionOperations({
  version,
  busy,
  onPause,
  onResume,
  onRetire,
}: { version: ReviewedVersion; busy: boolean } & VersionOperationHandlers) {
  const [askingRetire, setAskingRetire] = useState(false);
  const n = version.number;
  return (
    <>
      {version.status === 'published' && (
        <button
          type="button"
          className="small"
          disabled={busy}
          onClick={() => onPause(version.id)}
          title="No new enrollments; patients already enrolled carry on"
          data-testid={`pause-version-${n}`}
        >
          Pause
        </button>
      )}
      {version.status === 'paused' && (
        <button
          type="button"
          className="small"
          disabled={busy}
          onClick={() => onResume(version.id)}
          title="Take new enrollments again"
          data-testid={`resume-version-${n}`}
        >
          Resume
        </button>
      )}
      {retirable.includes(version.status) && !askingRetire && (
        <button
          type="button"
          className="small"
          disabled={busy}
          onClick={() => setAskingRetire(true)}
          data-testid={`retire-version-${n}`}
        >
          Retire
        </button>
      )}
      {askingRetire && (
        <span className="small" role="group" aria-label={`Retire v${n}`} data-testid={`retire-confirm-${n}`}>
          Retire v{n} for good? It takes no new enrollments and cannot be published again; enrolled patients carry on.{' '}
          <button
            type="button"
            className="small danger"
            disabled={busy}
            onClick={() => {
              setAskingRetire(false);
              onRetire(version.id);
            }}
            data-testid={`retire-confirmed-${n}`}
          >
            Retire v{n}
          </button>{' '}
          <button type="button" className="small" onClick={() => setAskingRetire(false)}>
            Keep
          </button>
        </span>
      )}
    </>
  );
}
