/** The reviewer's queue: versions submitted for review that wait for a signature of the logged-in reviewer's discipline. */
import { useEffect, useState } from 'react';
import { errorMessage } from '../api/client.js';
import { reviewApi, type QueuedVersion } from '../api/review.js';
import type { User } from '../api/types.js';
import { hrefOf } from '../app/router.js';
import './review.css';

export function ReviewQueuePage({ user }: { user: User }) {
  const [versions, setVersions] = useState<QueuedVersion[] | null>(null);
  const [error, setError] = useState<string>();
  const isReviewer = user.roles.includes('compliance-reviewer');
  useEffect(() => {
    // The queue is a reviewer's; anyone else would only be told they lack the role.
    if (!isReviewer) return;
    reviewApi.queue().then(
      ({ versions }) => setVersions(versions),
      (err) => setError(errorMessage(err)),
    );
  }, [isReviewer]);
  return (
    <main className="page reviews-page" data-testid="review-queue">
      <div className="page-head">
        <h1>Waiting for your signature</h1>
      </div>
      {!isReviewer && (
        <p className="muted">
          Only compliance reviewers sign versions; you can still open a version from its journey to read its review.
        </p>
      )}
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {isReviewer && versions === null && !error && <p className="muted">Loading…</p>}
      {versions && versions.length === 0 && <p className="muted">Nothing is waiting for your signature.</p>}
      {versions && versions.length > 0 && (
        <table className="table" data-testid="review-queue-table">
          <thead>
            <tr>
              <th>Journey and version</th>
              <th>Submitted</th>
              <th>Awaiting</th>
              <th>Content hash</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((version) => (
              <tr key={version.id} data-testid={`review-queue-${version.id}`}>
                <td>
                  <a href={hrefOf({ page: 'review', versionId: version.id })} data-testid="review-open">
                    {version.journeyName} v{version.number}
                  </a>
                </td>
                <td>{version.submittedAt ? new Date(version.submittedAt).toLocaleString() : '–'}</td>
                <td>{version.awaiting.join(', ')}</td>
                <td>
                  <code className="hash" title={version.contentHash}>
                    {version.contentHash.slice(0, 19)}…
                  </code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
