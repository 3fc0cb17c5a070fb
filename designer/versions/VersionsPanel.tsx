/** The journey's versions, newest first: number, review status, hash, signatures; "Submit for review" on a snapshot, "Publish" once approved (confirmed), pause, resume, retire. */
import type { ReviewedVersion } from '../api/review.js';
import { HAS_RUN, VersionItem } from './VersionItem.js';
import { PublishConfirm } from './PublishConfirm.js';
import type { VersionReview } from './useVersionReview.js';
import '../review/review.css';

interface Props {
  versions: ReviewedVersion[];
  /** The id of the version an action is running on. */
  busy: string | null;
  error?: string;
  onSubmit: (versionId: string) => void;
  onPublish: (versionId: string) => void;
  onShowComments: (versionId: string) => void;
  /** Publish confirmation, pause, resume and retire; without it the panel offers submit and publish only. */
  review?: VersionReview;
}

export function VersionsPanel({ versions, busy, error, onSubmit, onPublish, onShowComments, review }: Props) {
  const operations = review && {
    onPause: (id: string) => void review.pause(id),
    onResume: (id: string) => void review.resume(id),
    onRetire: (id: string) => void review.retire(id),
  };
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
              earlier={versions.filter((v) => v.number < version.number && HAS_RUN.includes(v.status))}
              busy={busy !== null}
              onSubmit={onSubmit}
              onPublish={onPublish}
              onShowComments={onShowComments}
              operations={operations}
            />
          ))}
        </ol>
      )}
      {review?.pendingPublish && (
        <PublishConfirm
          version={review.pendingPublish}
          supersedes={review.supersedes}
          onConfirm={() => void review.confirmPublish()}
          onCancel={review.cancelPublish}
        />
      )}
    </section>
  );
}
