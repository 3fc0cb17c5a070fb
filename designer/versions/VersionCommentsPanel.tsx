/** The reviewers' comments on one of the journey's versions, for its program manager: read them, answer, resolve, jump to the step. */
import type { JourneyDocument } from '../../schema/index.js';
import type { ReviewedVersion } from '../api/review.js';
import { commentThreads } from '../review/comment-threads.js';
import { useComments } from '../review/useComments.js';
import { CommentThreadView } from '../review/CommentThreadView.js';

interface Props {
  version: ReviewedVersion;
  /** The draft, for step names; a step the draft no longer has is named by its id. */
  document: JourneyDocument;
  onSelectStep: (stepId: string) => void;
  onClose: () => void;
}

export function VersionCommentsPanel({ version, document, onSelectStep, onClose }: Props) {
  const model = useComments(version.id);
  const threads = commentThreads(model.comments);
  return (
    <section className="panel" aria-label={`Comments on v${version.number}`} data-testid="version-comments">
      <h2 className="panel-title">
        Comments on v{version.number}
        <button type="button" className="link" onClick={onClose} data-testid="version-comments-close">
          Close
        </button>
      </h2>
      {model.error && (
        <p className="error-text" role="alert">
          {model.error}
        </p>
      )}
      {threads.length === 0 && <p className="muted">No comments on this version.</p>}
      {threads.map((thread) => (
        <div key={thread.root.id}>
          {thread.root.stepId && (
            <button
              type="button"
              className="link small"
              onClick={() => onSelectStep(thread.root.stepId!)}
              data-testid={`comment-step-${thread.root.id}`}
            >
              On step {document.steps[thread.root.stepId]?.name ?? thread.root.stepId}: show it
            </button>
          )}
          <CommentThreadView thread={thread} canResolve onReply={model.reply} onResolve={model.resolve} />
        </div>
      ))}
    </section>
  );
}
