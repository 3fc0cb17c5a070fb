/** The line above the canvas that names the version counted and its totals: running, ended, goals reached. */
import type { LiveCounts } from './live-counts-api.js';

export function LiveCountsBar({ counts, versionNumber }: { counts: LiveCounts; versionNumber: number }) {
  const { running, completed, exited, failed } = counts.enrollments;
  const goals = Object.entries(counts.goals);
  return (
    <div className="live-counts-bar small" data-testid="live-counts" role="status">
      <strong>Live counts of v{versionNumber}</strong>
      <span data-testid="live-counts-totals">
        {running} running · {completed} completed · {exited} exited{failed > 0 && ` · ${failed} failed`}
      </span>
      {goals.length > 0 && (
        <span data-testid="live-counts-goals">goals: {goals.map(([goal, n]) => `${goal} ${n}`).join(', ')}</span>
      )}
      {!counts.visibility && (
        <span className="error-text">step counts unavailable (Temporal's visibility did not answer)</span>
      )}
      <span className="muted">updated {new Date(counts.countedAt).toLocaleTimeString()}</span>
    </div>
  );
}
