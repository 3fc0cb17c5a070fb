/** A version's review comments: load, add one anchored to a step, reply, resolve; the list reloads after each change. */
import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../api/client.js';
import { reviewApi, type Comment } from '../api/review.js';

export function useComments(versionId: string | undefined) {
  const [comments, setComments] = useState<Comment[]>([]);
  const [error, setError] = useState<string>();

  const reload = useCallback(async () => {
    if (!versionId) return setComments([]);
    try {
      setComments((await reviewApi.comments(versionId)).comments);
      setError(undefined);
    } catch (err) {
      setError(errorMessage(err));
    }
  }, [versionId]);

  useEffect(() => {
    void reload();
  }, [reload]);

  /** Runs a change and reloads; a failure is thrown on so the form that asked can show it where it was typed. */
  const change = useCallback(
    async (action: () => Promise<unknown>) => {
      await action();
      await reload();
    },
    [reload],
  );

  return {
    comments,
    error,
    reload,
    add: (body: string, stepId?: string) => change(() => reviewApi.comment(versionId!, body, stepId)),
    reply: (commentId: string, body: string) => change(() => reviewApi.reply(commentId, body)),
    resolve: (commentId: string) => change(() => reviewApi.resolve(commentId)),
  };
}

export type CommentsModel = ReturnType<typeof useComments>;
