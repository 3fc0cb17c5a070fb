/** The contact-hygiene screen: which patients of a version, a journey or the whole program have a bad, opted-out, shared or missing phone or email, with a CSV download to clean the list. */
import { useEffect, useState } from 'react';
import { errorMessage } from '../api/client.js';
import { hrefOf, navigate } from '../app/router.js';
import { hygieneApi, hygieneCsvHref, type HygieneFilter, type HygieneReport } from './hygiene-api.js';
import { ISSUE_LABELS, scopeTitle } from './issue-words.js';
import { HygieneScopePicker } from './HygieneScopePicker.js';

const when = (iso?: string) => (iso ? new Date(iso).toLocaleString() : '');

export function HygienePage({ filter }: { filter: HygieneFilter }) {
  const [report, setReport] = useState<HygieneReport>();
  const [error, setError] = useState<string>();
  const { journeyId, versionId } = filter;

  useEffect(() => {
    setReport(undefined);
    setError(undefined);
    hygieneApi
      .report({ journeyId, versionId })
      .then(setReport)
      .catch((err) => setError(errorMessage(err)));
  }, [journeyId, versionId]);

  return (
    <main className="page" data-testid="hygiene-page">
      <div className="page-head">
        <h1>Contact hygiene{report ? `: ${scopeTitle(report.scope)}` : ''}</h1>
        <a className="button" href={hygieneCsvHref(filter)} download data-testid="hygiene-download">
          Download CSV
        </a>
      </div>
      <p className="muted small">
        Patients whose phone or email stopped working, opted out, is shared with another patient, or is missing where
        their journey sends on it. Correct a contact on the patient's record; the download is recorded in the audit
        trail.
      </p>
      <HygieneScopePicker filter={filter} onChange={(next) => navigate({ page: 'hygiene', ...next })} />
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {report && (
        <>
          <p data-testid="hygiene-summary">
            {report.patientsWithIssues} of {report.patients} patients need attention:{' '}
            {Object.entries(report.counts)
              .map(([issue, n]) => `${n} ${ISSUE_LABELS[issue as keyof typeof ISSUE_LABELS].toLowerCase()}`)
              .join(', ')}
            .
          </p>
          {report.issues.length === 0 ? (
            <p className="muted">Every contact in this list is in order.</p>
          ) : (
            <table className="table" data-testid="hygiene-issues">
              <thead>
                <tr>
                  <th>Patient</th>
                  <th>Contact</th>
                  <th>Issue</th>
                  <th>Detail</th>
                  <th>Since</th>
                  <th>Enrollments</th>
                </tr>
              </thead>
              <tbody>
                {report.issues.map((i) => (
                  <tr
                    key={`${i.patientId}-${i.contact}-${i.issue}`}
                    data-patient={i.patientId}
                    data-issue={i.issue}
                    data-contact={i.contact}
                  >
                    <td>
                      <a href={hrefOf({ page: 'patients', patientId: i.patientId })}>{i.patientName}</a>
                    </td>
                    <td>
                      {i.contact} {i.address ?? ''}
                    </td>
                    <td>{ISSUE_LABELS[i.issue]}</td>
                    <td>
                      {i.issue === 'shared' && i.sharedWith ? (
                        <>
                          also on{' '}
                          {i.sharedWith.map((p, n) => (
                            <span key={p.id}>
                              {n > 0 ? ', ' : ''}
                              <a href={hrefOf({ page: 'patients', patientId: p.id })}>{p.name}</a>
                            </span>
                          ))}
                        </>
                      ) : (
                        i.detail
                      )}
                    </td>
                    <td>{when(i.since)}</td>
                    <td className="small">{i.enrollments.join('; ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </main>
  );
}
