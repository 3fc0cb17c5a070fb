/** A version's enrollments: counts by status and by current step, each patient's status and step, and ending an enrollment with a reason. */
import { useCallback, useEffect, useState } from 'react';
import type { Version } from '../api/types.js';
import { errorMessage } from '../api/client.js';
import { enrollmentsApi, type VersionEnrollments } from './enrollments-api.js';
import { EndEnrollmentForm } from './EndEnrollmentForm.js';
import { useStepNames } from './useStepNames.js';
import { Dialog } from '../app/Dialog.js';

const countsText = (counts: Record<string, number>, label: (key: string) => string = (key) => key) =>
  Object.entries(counts)
    .map(([key, n]) => [label(key), n] as const)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, n]) => `${name} ${n}`)
    .join(' · ');

export function EnrollmentsDialog({ version, onClose }: { version: Version; onClose: () => void }) {
  const [data, setData] = useState<VersionEnrollments>();
  const [ending, setEnding] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  // Steps by their names, as the program manager titled them on the canvas; ids are for machines.
  const stepName = useStepNames(version.id);

  const load = useCallback(
    () =>
      enrollmentsApi
        .ofVersion(version.id)
        .then(setData)
        .catch((err) => setError(errorMessage(err))),
    [version.id],
  );
  useEffect(() => void load(), [load]);

  const end = async (enrollmentId: string, reason: string) => {
    setBusy(true);
    setError(undefined);
    try {
      await enrollmentsApi.exit(enrollmentId, reason);
      setEnding(undefined);
      await load();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog labelledBy="enrollments-title" onClose={onClose} testId="enrollments-dialog" style={{ width: 820 }}>
      <h2 id="enrollments-title">Enrollments in v{version.number}</h2>
      {data && (
        <>
          <p data-testid="enrollments-by-status">
            {data.total} enrolled{data.total > 0 ? `: ${countsText(data.byStatus)}` : ''}
          </p>
          <p className="small" data-testid="enrollments-by-step">
            {data.stepsKnown
              ? `Now at: ${countsText(data.byStep, stepName) || 'nobody running'}`
              : 'Current steps are not available (Temporal visibility did not answer).'}
          </p>
          <div style={{ maxHeight: 420, overflow: 'auto' }}>
            <table className="table small" data-testid="enrollments-list">
              <thead>
                <tr>
                  <th>Patient</th>
                  <th>Status</th>
                  <th>Step</th>
                  <th>Started</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {data.enrollments.map((e) => (
                  <tr key={e.id} data-testid={`enrollment-${e.id}`} data-status={e.status} data-patient={e.patientName}>
                    <td>{e.patientName}</td>
                    <td>
                      {e.status}
                      {e.reason ? ` (${e.reason})` : ''}
                    </td>
                    <td data-step={e.step}>{e.step ? stepName(e.step) : ''}</td>
                    <td>{new Date(e.startedAt).toLocaleString()}</td>
                    <td>
                      {e.status === 'running' &&
                        (ending === e.id ? (
                          <EndEnrollmentForm
                            patientName={e.patientName}
                            busy={busy}
                            onEnd={(reason) => void end(e.id, reason)}
                            onCancel={() => setEnding(undefined)}
                          />
                        ) : (
                          <button
                            type="button"
                            className="small"
                            onClick={() => setEnding(e.id)}
                            data-testid="end-enrollment"
                          >
                            End…
                          </button>
                        ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {error && (
        <p className="error-text" role="alert" data-testid="enrollments-error">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={() => void load()}>
          Refresh
        </button>
        <button type="button" onClick={onClose} data-testid="enrollments-close">
          Close
        </button>
      </div>
    </Dialog>
  );
}
