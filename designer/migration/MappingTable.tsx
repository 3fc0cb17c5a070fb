/** The step mapping of a migration: each step of the old version where patients wait, its target in the new version (filled in when unchanged, else picked), and how many patients go there. */
import type { MigrationDryRun } from './migration-api.js';

const typeWords: Record<string, string> = {
  message: 'message',
  wait: 'wait',
  'wait-for-event': 'wait for event',
  assessment: 'assessment',
  task: 'nurse task',
};

export function MappingTable({
  dryRun,
  choices,
  onChoose,
}: {
  dryRun: MigrationDryRun;
  choices: Record<string, string>;
  onChoose: (from: string, to: string) => void;
}) {
  const patientsAt = (from: string) =>
    dryRun.byTarget.filter((t) => t.from === from).reduce((sum, t) => sum + t.patients, 0);
  return (
    <table className="table small" data-testid="migration-mapping">
      <thead>
        <tr>
          <th>Step in v{dryRun.fromVersion.number}</th>
          <th>Goes to in v{dryRun.toVersion.number}</th>
          <th>Patients moving</th>
        </tr>
      </thead>
      <tbody>
        {dryRun.mapping.rows.map((row) => (
          <tr key={row.from} data-testid={`mapping-row-${row.from}`} data-automatic={row.automatic}>
            <td>
              {row.fromName ?? row.from} <span className="muted">({typeWords[row.fromType] ?? row.fromType})</span>
            </td>
            <td>
              {row.automatic ? (
                <span data-testid="mapping-automatic">same step, unchanged — patients stay where they are</span>
              ) : (
                <>
                  <select
                    aria-label={`Where patients at ${row.fromName ?? row.from} go`}
                    value={choices[row.from] ?? ''}
                    onChange={(e) => onChoose(row.from, e.target.value)}
                    data-testid={`mapping-choice-${row.from}`}
                  >
                    <option value="">Choose a step…</option>
                    {dryRun.targetSteps.map((step) => (
                      <option key={step.id} value={step.id}>
                        {step.name ?? step.id} ({typeWords[step.type] ?? step.type})
                        {step.id === row.from && row.unchanged ? ' — unchanged' : ''}
                      </option>
                    ))}
                  </select>
                  {row.problem && (
                    <div className="error-text small" data-testid="mapping-problem">
                      {row.problem}
                    </div>
                  )}
                </>
              )}
            </td>
            <td data-testid="mapping-patients">{patientsAt(row.from)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
