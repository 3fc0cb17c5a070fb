/** The journey's versions, newest first: number, status and content hash, with Publish for a snapshot. */
import type { Version } from '../api/types.js';

interface Props {
  versions: Version[];
  busy: boolean;
  canPublish: boolean;
  error?: string;
  onPublish: (versionId: string) => void;
}

export function VersionsPanel({ versions, busy, canPublish, error, onPublish }: Props) {
  return (
    <section className="panel versions" aria-label="Versions" data-testid="versions-panel">
      <h2 className="panel-title">Versions</h2>
      {error && (
        <p className="error-text" role="alert" data-testid="versions-error">
          {error}
        </p>
      )}
      {versions.length === 0 ? (
        <p className="muted">No versions yet. "Snapshot version" freezes the saved draft as version 1.</p>
      ) : (
        <ol className="version-list" data-testid="versions-list">
          {versions.map((version) => (
            <li
              key={version.id}
              className="version"
              data-testid={`version-${version.number}`}
              data-version-id={version.id}
              data-status={version.status}
            >
              <div className="version__head">
                <strong data-testid="version-number">v{version.number}</strong>
                <span className={`status status-${version.status}`} data-testid="version-status">
                  {version.status}
                </span>
                {version.status === 'snapshot' && (
                  <button
                    type="button"
                    className="small"
                    disabled={busy || !canPublish}
                    onClick={() => onPublish(version.id)}
                    data-testid={`publish-version-${version.number}`}
                  >
                    Publish
                  </button>
                )}
              </div>
              <code className="hash" title={version.contentHash} data-testid="version-hash">
                {version.contentHash}
              </code>
              <small className="muted">{new Date(version.createdAt).toLocaleString()}</small>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
