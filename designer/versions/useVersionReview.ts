/** The review side of a journey's versions for its program manager: fresh statuses and signatures, submit, publish (after a confirmation), pause, resume, retire. */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { verifyContentHash, type JourneyDocument } from '../../schema/index.js';
import { errorMessage } from '../api/client.js';
import { reviewApi, type ReviewedVersion } from '../api/review.js';
import type { Version } from '../api/types.js';
import { runVersionOperation, type VersionOperation } from './version-ops-api.js';

/** Reviewers sign in their own sessions; this is how soon the manager sees it without reloading. */
const REFRESH_MS = 5_000;

export function useVersionReview(journeyId: string, known: Version[]) {
  const [fresh, setFresh] = useState<ReadonlyMap<string, ReviewedVersion>>(new Map());
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string>();
  /** The version whose publication waits for the manager's confirmation. */
  const [confirming, setConfirming] = useState<string>();

  const refresh = useCallback(async () => {
    const { journey } = await reviewApi.journeyVersions(journeyId);
    setFresh(new Map(journey.versions.map((v) => [v.id, v])));
  }, [journeyId]);

  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout>;
    const tick = () =>
      refresh()
        .catch(() => undefined) // a missed refresh is retried on the next tick; actions report their own errors
        .finally(() => {
          if (!cancelled) timer = setTimeout(tick, REFRESH_MS);
        });
    void tick();
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [refresh]);

  // Snapshots made in the editor arrive through `known`; statuses and signatures come from the fresher answer.
  const versions = useMemo(() => {
    const merged = new Map<string, ReviewedVersion>(known.map((v) => [v.id, v as ReviewedVersion]));
    for (const [id, v] of fresh) merged.set(id, { ...merged.get(id), ...v });
    return [...merged.values()].sort((a, b) => b.number - a.number);
  }, [known, fresh]);

  const act = useCallback(
    async (versionId: string, action: VersionOperation) => {
      setBusy(versionId);
      setError(undefined);
      try {
        const { version } = await runVersionOperation(versionId, action);
        setFresh((map) => new Map(map).set(version.id, version));
        // Publishing supersedes the journey's previously published version: read them all again.
        await refresh();
        return true;
      } catch (err) {
        setError(errorMessage(err));
        return false;
      } finally {
        setBusy(null);
      }
    },
    [refresh],
  );

  /**
   * "Submit for review" from the editor: the newest version when it is an unsubmitted snapshot of exactly this draft,
   * else a new snapshot (which `snapshot` saves and makes, reporting its own failures).
   */
  const submitDraft = useCallback(
    async (document: JourneyDocument, snapshot: () => Promise<Version | undefined>) => {
      setBusy('draft');
      try {
        const newest = versions[0];
        const holdsDraft =
          newest?.status === 'snapshot' && (await verifyContentHash(document, newest.contentHash).catch(() => false));
        const target = holdsDraft ? newest : await snapshot();
        if (target) await act(target.id, 'submit');
      } finally {
        setBusy(null);
      }
    },
    [versions, act],
  );

  const approved = versions.find((v) => v.status === 'approved');
  const published = versions.find((v) => v.status === 'published');
  const pendingPublish = confirming ? versions.find((v) => v.id === confirming) : undefined;
  return {
    versions,
    approved,
    published,
    busy,
    error,
    submit: (versionId: string) => act(versionId, 'submit'),
    /** Asks first: the confirmation names the version this one supersedes. */
    publish: (versionId: string) => setConfirming(versionId),
    pendingPublish,
    /** The published or paused version that publishing `pendingPublish` supersedes. */
    supersedes: pendingPublish
      ? versions.find((v) => v.id !== pendingPublish.id && (v.status === 'published' || v.status === 'paused'))
      : undefined,
    confirmPublish: () => {
      setConfirming(undefined);
      return confirming ? act(confirming, 'publish') : Promise.resolve(false);
    },
    cancelPublish: () => setConfirming(undefined),
    pause: (versionId: string) => act(versionId, 'pause'),
    resume: (versionId: string) => act(versionId, 'resume'),
    retire: (versionId: string) => act(versionId, 'retire'),
    submitDraft,
    refresh,
  };
}

export type VersionReview = ReturnType<typeof useVersionReview>;
