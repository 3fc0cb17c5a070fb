/** Choosing what the contact-hygiene report covers: every patient, one journey, or one of its versions. */
import { useEffect, useState } from 'react';
import { api } from '../api/client.js';
import type { JourneySummary, Version } from '../api/types.js';
import type { HygieneFilter } from './hygiene-api.js';

export function HygieneScopePicker({
  filter,
  onChange,
}: {
  filter: HygieneFilter;
  onChange: (next: HygieneFilter) => void;
}) {
  const [journeys, setJourneys] = useState<JourneySummary[]>();
  const [versions, setVersions] = useState<Version[]>([]);
  const [journeyId, setJourneyId] = useState(filter.journeyId ?? '');

  useEffect(() => {
    // Only program managers list journeys; the care team works from the overall list and links to a journey's.
    api
      .listJourneys()
      .then((answer) => setJourneys(answer.journeys))
      .catch(() => setJourneys(undefined));
  }, []);

  useEffect(() => {
    setVersions([]);
    if (journeyId)
      api
        .getJourney(journeyId)
        .then((answer) => setVersions(answer.journey.versions))
        .catch(() => setVersions([]));
  }, [journeyId]);

  // Following a link to another journey's report while the screen is open.
  useEffect(() => {
    if (filter.journeyId) setJourneyId(filter.journeyId);
  }, [filter.journeyId]);

  if (!journeys) return null;
  return (
    <div className="inline-form" data-testid="hygiene-scope">
      <label>
        Journey{' '}
        <select
          value={journeyId}
          onChange={(e) => {
            setJourneyId(e.target.value);
            onChange(e.target.value ? { journeyId: e.target.value } : {});
          }}
          data-testid="hygiene-journey"
        >
          <option value="">All patients</option>
          {journeys.map((j) => (
            <option key={j.id} value={j.id}>
              {j.name}
            </option>
          ))}
        </select>
      </label>
      {journeyId && versions.length > 0 && (
        <label>
          Version{' '}
          <select
            value={filter.versionId ?? ''}
            onChange={(e) => onChange(e.target.value ? { journeyId, versionId: e.target.value } : { journeyId })}
            data-testid="hygiene-version"
          >
            <option value="">All versions</option>
            {versions.map((v) => (
              <option key={v.id} value={v.id}>
                v{v.number} ({v.status})
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}
