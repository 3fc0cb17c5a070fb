/** Comments anchored to the selected step (or, with no step selected, every thread of the version), and a box to add one. */
import type { JourneyDocument } from '../../schema/index.js';
import type { User } from '../api/types.js';
import { commentThreads } from './comment-threads.js';
import type { CommentsModel } from './useComments.js';
import { CommentThreadView } from './CommentThreadView.js';
import { CommentForm } from './CommentForm.js';

interface Props {
  model: CommentsModel;
  document: JourneyDocument;
  user: User;
  selectedStepId?: string;
  /** Whether the user may comment (reviewers and program managers; not once the review is over). */
  canComment: boolean;
}

export function CommentsPanel({ model, document, user, selectedStepId, canComment }: Props) {
  const threads = commentThreads(model.comments, selectedStepId);
  const stepName = (id: string | null) => (id ? (document.steps[id]?.name ?? id) : 'the whole version');
  const canResolve = (authorId: string) => authorId === user.id || user.roles.includes('program-manager');
  return (
    <section className="panel" aria-label="Comments" data-testid="review-comments">
      <h2 className="panel-title">
        {selectedStepId ? `Comments on ${stepName(selectedStepId)}` : 'All comments on this version'}
      </h2>
      {model.error && (
        <p className="error-text" role="alert">
          {model.error}
        </p>
      )}
      {threads.length === 0 && <p className="muted">No comments {selectedStepId ? 'on this step' : ''} yet.</p>}
      {threads.map((thread) => (
        <CommentThreadView
          key={thread.root.id}
          thread={thread}
          canResolve={canResolve(thread.root.author.id)}
          onReply={model.reply}
          onResolve={model.resolve}
          stepName={selectedStepId ? undefined : stepName(thread.root.stepId)}
        />
      ))}
      {canComment && (
        <CommentForm
          label={selectedStepId ? `New comment on ${stepName(selectedStepId)}` : 'New comment on the whole version'}
          submitLabel="Add comment"
          testId="comment-new"
          onSubmit={(body) => model.add(body, selectedStepId)}
        />
      )}
      {!selectedStepId && canComment && <p className="muted small">Select a step to comment on it.</p>}
    </section>
  );
}
