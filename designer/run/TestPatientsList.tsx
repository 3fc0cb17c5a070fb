/** A journey's test patients, newest first (everyone's, or only mine): pick one to reopen its test run and phone. */
import { useState } from 'react';
import { usePolling } from './usePolling.js';
import { testRunsApi, type TestPatientsScope } from './test-runs-api.js';
import type { TestRun } from './useTestRun.js';

interface Props {
  journeyId: string;
  currentEnrollmentId?: string;
  onOpen: (run: TestRun) => void;
}

export function TestPatientsList({ journeyId, currentEnrollmentId, onOpen }: Props) {
  const [scope, setScope] = useState<TestPatientsScope>('anyone');
  // Polled, so a colleague's new test patient and every status change show without a reload.
  const { data, error } = usePolling(() => testRunsApi.list(journeyId, scope), 5000, [journeyId, scope]);
  const list = data?.testEnrollments;
  return (
    <section className="panel test-patients" aria-label="Test patients" data-testid="test-patients">
      <label className="test-patients__scope small">
        <input
          type="checkbox"
          checked={scope === 'me'}
          onChange={(e) => setScope(e.target.checked ? 'me' : 'anyone')}
          data-testid="test-patients-mine"
        />{' '}
        Only the ones I enrolled
      </label>
      {error && <p className="error-text small">{error}</p>}
      {!list ? (
        <p className="muted small">Loading…</p>
      ) : (
        <ul className="test-patients__list" data-testid="test-patients-list">
          {list.length === 0 && (
            <li className="muted small">No test patients yet: use “Enroll test patient” on a published version.</li>
          )}
          {list.map((e) => (
            <li key={e.id}>
              <button
                type="button"
                className="test-patient"
                aria-current={e.id === currentEnrollmentId ? 'true' : undefined}
                onClick={() => onOpen({ enrollmentId: e.id, patientId: e.patientId, patientName: e.patientName })}
                data-testid="test-patient"
                data-enrollment-id={e.id}
              >
                <span className="test-patient__name">
                  <strong>{e.patientName}</strong>
                  <span className={`pill status-${e.status}`}>{e.status}</span>
                </span>
                <small className="muted">
                  v{e.versionNumber} · {new Date(e.startedAt).toLocaleString()}
                  {e.enrolledBy && <> · by {e.enrolledBy.name}</>}
                </small>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
