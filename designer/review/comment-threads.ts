/** Comments as threads: each opening comment with its replies, oldest first, optionally only those anchored to one step. */
import type { Comment } from '../api/review.js';

export interface CommentThread {
  root: Comment;
  replies: Comment[];
}

export function commentThreads(comments: Comment[], stepId?: string | null): CommentThread[] {
  const roots = comments.filter((c) => c.parentId === null && (stepId === undefined || c.stepId === stepId));
  return roots.map((root) => ({ root, replies: comments.filter((c) => c.parentId === root.id) }));
}
