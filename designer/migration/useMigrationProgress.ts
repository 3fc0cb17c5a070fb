/** The migration being followed: set once it starts (or is retried), then read again every second until no patient is pending. */
import { useEffect, useState } from 'react';
import { migrationApi, type Migration } from './migration-api.js';

const POLL_MS = 1000;

export function useMigrationProgress(): [Migration | undefined, (migration: Migration) => void] {
  const [migration, setMigration] = useState<Migration>();
  const id = migration?.id;
  const done = migration?.done ?? true;
  useEffect(() => {
    if (!id || done) return;
    const timer = setInterval(
      () => void migrationApi.show(id).then(setMigration, () => undefined /* the next tick tries again */),
      POLL_MS,
    );
    return () => clearInterval(timer);
  }, [id, done]);
  return [migration, setMigration];
}
