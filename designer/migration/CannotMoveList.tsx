/** The patients a dry run found who cannot move now, each with the reason (a nurse on their task, answers partly given, no target for their step…). */
import type { MigrationDryRun } from './migration-api.js';

export function CannotMoveList({ cannotMove }: { cannotMove: MigrationDryRun['cannotMove'] }) {
  if (cannotMove.length === 0) return null;
  return (
    <details open={cannotMove.length <= 10} data-testid="migration-cannot-move">
      <summary>{cannotMove.length} cannot move now</summary>
      <ul className="small">
        {cannotMove.map((c) => (
          <li key={c.enrollmentId} data-enrollment={c.enrollmentId}>
            <strong>{c.patientName}</strong>
            {c.step ? ` (at ${c.step})` : ''}: {c.reason}
          </li>
        ))}
      </ul>
    </details>
  );
}
