/** The migration being followed: set once it starts (or is retried), then read again every second while the server is moving patients. */
import { useEffect, useState } from 'react';
import { migrationApi, type Migration } from './migration-api.js';

const POLL_MS = 1000;

export function useMigrationProgress(): [Migration | undefined, (migration: Migration) => void] {
  const [migration, setMigration] = useState<Migration>();
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
