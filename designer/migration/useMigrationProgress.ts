/** The migration being followed: set once it starts (or is retried), then read again every second while the server is moving patients. */
import { useEffect, useState } from 'react';
import { migrationApi, type Migration } from './migration-api.js';

const POLL_MS = 1000;

export function useMigrationProgress(
  toVersionId: string,
): [Migration | undefined, (migration: Migration | undefined) => void] {
  const [migration, setMigration] = useState<Migration>();
  // Reopened later: the newest migration into this version, while it is moving or has patients left to retry.
  useEffect(() => {
    let current = true;
    migrationApi.into(toVersionId).then(
      ([newest]) => {
        const unfinished = newest && (!newest.done || newest.counts.failed > 0);
        if (current && unfinished) setMigration((shown) => shown ?? newest);
      },
      () => undefined, // the form still works without it
    );
    return () => {
      current = false;
    };
  }, [toVersionId]);
  const id = migration?.id;
  const moving = migration?.moving ?? false;
  useEffect(() => {
    if (!id || !moving) return;
    const timer = setInterval(
      () => void migrationApi.show(id).then(setMigration, () => undefined /* the next tick tries again */),
      POLL_MS,
    );
    return () => clearInterval(timer);
  }, [id, moving]);
  return [migration, setMigration];
}
