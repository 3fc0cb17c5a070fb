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

/** Open threads per step id (the key `''` holds comments on the whole version), for counts on steps and versions. */
export function openThreadCounts(comments: Comment[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of comments) {
    if (c.parentId !== null || c.resolvedAt) continue;
    const key = c.stepId ?? '';
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}
