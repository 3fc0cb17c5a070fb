/** The journeys list: every journey with its latest version, and "New journey" which creates one and opens it. */
import { useEffect, useState } from 'react';
import { useSubmit } from '../app/useSubmit.js';
import { api, errorMessage } from '../api/client.js';
import type { JourneySummary } from '../api/types.js';
import { hrefOf, navigate } from '../app/router.js';

export function JourneysPage() {
  const [journeys, setJourneys] = useState<JourneySummary[] | null>(null);
  const [listError, setListError] = useState<string>();
  const [name, setName] = useState('');

  useEffect(() => {
    api.listJourneys().then(
      ({ journeys }) => setJourneys(journeys),
      (err) => setListError(errorMessage(err)),
    );
  }, []);

  const {
    submit: create,
    busy: creating,
    error: createError,
  } = useSubmit(async () => {
    if (!name.trim()) return;
    const { journey } = await api.createJourney(name.trim());
    navigate({ page: 'editor', journeyId: journey.id });
  });
  const error = createError ?? listError;

  return (
    <main className="page journeys-page">
      <div className="page-head">
        <h1>Journeys</h1>
        <form className="inline-form" onSubmit={create} aria-label="New journey">
          <input
            aria-label="Journey name"
            placeholder="Name of the new journey"
            value={name}
            onChange={(e) => setName(e.target.value)}
            data-testid="new-journey-name"
          />
          <button
            type="submit"
            className="primary"
            disabled={creating || !name.trim()}
            data-testid="new-journey-submit"
          >
            New journey
          </button>
        </form>
      </div>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {journeys === null && !error && <p className="muted">Loading journeys…</p>}
      {journeys && journeys.length === 0 && (
        <p className="muted">No journeys yet. Name one above to start designing.</p>
      )}
      {journeys && journeys.length > 0 && (
        <table className="table" data-testid="journeys-table">
          <thead>
            <tr>
              <th>Name</th>
              <th>Latest version</th>
              <th>Updated</th>
            </tr>
          </thead>
          <tbody>
            {journeys.map((journey) => (
              <tr key={journey.id} data-testid={`journey-row-${journey.id}`}>
                <td>
                  <a href={hrefOf({ page: 'editor', journeyId: journey.id })}>{journey.name}</a>
                </td>
                <td>
                  {journey.latestVersion ? (
                    <>
                      v{journey.latestVersion.number}{' '}
                      <span className={`status status-${journey.latestVersion.status}`}>
                        {journey.latestVersion.status}
                      </span>
                    </>
                  ) : (
                    <span className="muted">draft only</span>
                  )}
                </td>
                <td className="muted">{new Date(journey.updatedAt).toLocaleString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
