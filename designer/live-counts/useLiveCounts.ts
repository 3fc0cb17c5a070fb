/** A published version's live counts, refreshed while the canvas is open. */
import { usePolling } from '../run/usePolling.js';
import { liveCountsOf } from './live-counts-api.js';

/** A few count queries per refresh whatever the cohort's size, so a short interval is affordable. */
const REFRESH_MS = 5000;

export function useLiveCounts(versionId: string | undefined) {
  const { data, error } = usePolling(versionId ? () => liveCountsOf(versionId) : undefined, REFRESH_MS, [versionId]);
  return { counts: data?.versionId === versionId ? data : undefined, error };
}
