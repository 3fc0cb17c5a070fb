/** The question asked before publishing: which version goes live, and which published one it supersedes (its patients carry on). */
import type { ReviewedVersion } from '../api/review.js';
import { Dialog } from '../app/Dialog.js';

export function PublishConfirm({
  version,
  supersedes,
  onConfirm,
  onCancel,
}: {
  version: ReviewedVersion;
  /** The journey's published or paused version, which publishing `version` supersedes. */
  supersedes?: ReviewedVersion;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <Dialog label={`Publish v${version.number}`} onClose={onCancel} testId="publish-confirm">
      <h2>Publish v{version.number}?</h2>
      {supersedes ? (
        <p data-testid="publish-confirm-supersedes">
          This supersedes v{supersedes.number} ({supersedes.status}): patients already enrolled in v{supersedes.number}{' '}
          carry on there; new enrollments go to v{version.number}.
        </p>
      ) : (
        <p data-testid="publish-confirm-supersedes">
          No version of this journey is published yet: v{version.number} becomes the one patients are enrolled in.
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onCancel} data-testid="publish-cancel">
          Cancel
        </button>
        <button type="button" className="primary" onClick={onConfirm} autoFocus data-testid="publish-confirmed">
          Publish v{version.number}
        </button>
      </div>
    </Dialog>
  );
}
