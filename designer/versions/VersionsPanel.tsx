/** The journey's versions, newest first: number, review status, hash, signatures; "Submit for review" on a snapshot, "Publish" once approved. */
import type { ReviewedVersion } from '../api/review.js';
import { VersionItem } from './VersionItem.js';
import '../review/review.css';

interface Props {
  versions: ReviewedVersion[];
  /** The id of the version an action is running on. */
  busy: string | null;
  error?: string;
  onSubmit: (versionId: string) => void;
  onPublish: (versionId: string) => void;
  onShowComments: (versionId: string) => void;
}

export function VersionsPanel({ versions, busy, error, onSubmit, onPublish, onShowComments }: Props) {
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
            <VersionItem
              key={version.id}
              version={version}
              busy={busy !== null}
              onSubmit={onSubmit}
              onPublish={onPublish}
              onShowComments={onShowComments}
            />
          ))}
        </ol>
      )}
    </section>
  );
}
