/** A running or finished migration: patients moved, failed and pending, each failure with its reason, and a retry of the failed. */
import type { Migration } from './migration-api.js';

export function MigrationProgress({
  migration,
  busy,
  onRetry,
}: {
  migration: Migration;
  busy: boolean;
  onRetry: () => void;
}) {
  const { counts } = migration;
  return (
    <section data-testid="migration-progress" data-done={migration.done}>
      <p aria-live="polite" data-testid="migration-counts">
        {counts.moved} moved · {counts.failed} failed · {counts.pending} pending
        {migration.done ? ' — done' : migration.moving ? ' — moving…' : ' — stopped before the end'}
      </p>
      {(migration.failures.length > 0 || (!migration.moving && migration.counts.pending > 0)) && (
        <>
          <table className="table small" data-testid="migration-failures">
            <thead>
              <tr>
                <th>Patient</th>
                <th>At step</th>
                <th>Why it did not move</th>
              </tr>
            </thead>
            <tbody>
              {migration.failures.map((f) => (
                <tr key={f.enrollmentId}>
                  <td>{f.patientName}</td>
                  <td>{f.fromStep ?? ''}</td>
                  <td>{f.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" disabled={busy || migration.moving} onClick={onRetry} data-testid="migration-retry">
            Retry the failed
          </button>
        </>
      )}
    </section>
  );
}
