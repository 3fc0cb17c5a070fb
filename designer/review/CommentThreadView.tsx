/** One comment thread: the opening comment, its replies, a reply box, and "Resolve" for those allowed to close it. */
import { useState } from 'react';
import { errorMessage } from '../api/client.js';
import type { CommentThread } from './comment-threads.js';
import { CommentForm } from './CommentForm.js';

interface Props {
  thread: CommentThread;
  canResolve: boolean;
  onReply: (commentId: string, body: string) => Promise<void>;
  onResolve: (commentId: string) => Promise<void>;
  stepName?: string;
}

const when = (iso: string) => new Date(iso).toLocaleString();

export function CommentThreadView({ thread, canResolve, onReply, onResolve, stepName }: Props) {
  const { root, replies } = thread;
  const [error, setError] = useState<string>();
  const resolved = root.resolvedAt !== undefined;
  return (
    <article
      className={`comment-thread${resolved ? ' is-resolved' : ''}`}
      data-testid={`comment-thread-${root.id}`}
      data-step-id={root.stepId ?? ''}
      data-resolved={resolved}
    >
      {stepName && <p className="muted small">On step {stepName}</p>}
      {[root, ...replies].map((comment) => (
        <div key={comment.id} className="comment" data-testid="comment">
          <p className="comment__head">
            <strong>{comment.author.name}</strong> <small className="muted">{when(comment.createdAt)}</small>
          </p>
          <p className="comment__body">{comment.body}</p>
        </div>
      ))}
      {resolved ? (
        <p className="ok-text small" data-testid="comment-resolved">
          Resolved by {root.resolvedBy?.name ?? 'the author'} {when(root.resolvedAt!)}
        </p>
      ) : (
        <>
          <CommentForm
            label="Reply"
            submitLabel="Reply"
            testId={`comment-reply-${root.id}`}
            onSubmit={(body) => onReply(root.id, body)}
          />
          {canResolve && (
            <button
              type="button"
              className="small"
              onClick={() =>
                onResolve(root.id).then(
                  () => setError(undefined),
                  (err) => setError(errorMessage(err)),
                )
              }
              data-testid={`comment-resolve-${root.id}`}
            >
              Resolve
            </button>
          )}
          {error && (
            <p className="error-text" role="alert">
              {error}
            </p>
          )}
        </>
      )}
    </article>
  );
}
