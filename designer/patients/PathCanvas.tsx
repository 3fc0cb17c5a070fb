/** An enrollment's version on a read-only canvas with the patient's path lit: the steps visited, the edges taken, where they are now. */
import { useEffect, useMemo, useState } from 'react';
import type { JourneyDocument } from '../../schema/index.js';
import { ApiError, errorMessage } from '../api/client.js';
import { JourneyPreview } from '../canvas/JourneyPreview.js';
import { enrollmentsApi } from '../enrollments/enrollments-api.js';
import type { EnrollmentPath } from './patients-api.js';
import { overlayOfPath } from './path-overlay-of.js';

export function PathCanvas({ versionId, path }: { versionId: string; path: EnrollmentPath }) {
  const [document, setDocument] = useState<JourneyDocument>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    let current = true;
    enrollmentsApi.version(versionId).then(
      ({ version }) => current && setDocument(version.document as JourneyDocument),
      (err) =>
        current &&
        setError(
          // The care team reads patients, not journey designs: the list is their view of the path.
          err instanceof ApiError && err.status === 403
            ? 'Your role does not open journey versions; the list above is the path.'
            : errorMessage(err),
        ),
    );
    return () => {
      current = false;
    };
  }, [versionId]);
  const overlay = useMemo(() => overlayOfPath(path), [path]);
  if (error) return <p className="muted small">{error}</p>;
  if (!document) return <p className="muted small">Loading the journey…</p>;
  return <JourneyPreview document={document} overlay={overlay} width="100%" height={440} />;
}
