/** The patients screen for program managers and the care team: search by name, phone or email, and open one patient's record. */
import { useEffect, useState } from 'react';
import { errorMessage } from '../api/client.js';
import { hrefOf, navigate } from '../app/router.js';
import { patientsApi, type FoundPatient, type PatientRecord } from './patients-api.js';
import { PatientRecordView } from './PatientRecordView.js';

export function PatientsPage({ patientId }: { patientId?: string }) {
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<FoundPatient[]>([]);
  const [record, setRecord] = useState<PatientRecord>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    // Searched as the user types, a moment after the last key, so each keystroke is not a request.
    const timer = setTimeout(
      () =>
        patientsApi
          .search(query)
          .then((answer) => setFound(answer.patients))
          .catch((err) => setError(errorMessage(err))),
      250,
    );
    return () => clearTimeout(timer);
  }, [query]);

  useEffect(() => {
    setRecord(undefined);
    if (patientId)
      patientsApi
        .record(patientId)
        .then(setRecord)
        .catch((err) => setError(errorMessage(err)));
  }, [patientId]);

  return (
    <main className="page" data-testid="patients-page" style={{ display: 'flex', gap: 16, padding: 16 }}>
      <section style={{ width: 320 }}>
        <h1>Patients</h1>
        <p className="small">
          <a href={hrefOf({ page: 'hygiene' })} data-testid="nav-hygiene">
            Contact hygiene
          </a>
          : bad, opted-out, shared or missing phone numbers and emails
        </p>
        <input
          type="search"
          placeholder="Name, phone or email"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          aria-label="Search patients"
          data-testid="patient-search"
        />
        <ul data-testid="patient-results">
          {found.map((p) => (
            <li key={p.id}>
              <button
                type="button"
                className="link"
                onClick={() => navigate({ page: 'patients', patientId: p.id })}
                data-testid={`patient-result-${p.id}`}
              >
                {p.name}
              </button>{' '}
              <span className="muted small">{p.phone ?? p.email ?? ''}</span>
            </li>
          ))}
        </ul>
      </section>
      <div style={{ flex: 1 }}>
        {error && (
          <p className="error-text" role="alert">
            {error}
          </p>
        )}
        {record ? <PatientRecordView record={record} /> : <p className="muted">Search for a patient and open them.</p>}
      </div>
    </main>
  );
}
