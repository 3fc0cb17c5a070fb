/** Loads what a review needs: the version and its document, its journey's versions, the approved baseline and the earlier documents. */
import { useCallback, useEffect, useState } from 'react';
import type { JourneyDocument } from '../../schema/index.js';
import { errorMessage } from '../api/client.js';
import { reviewApi, type ReviewedVersion } from '../api/review.js';
import { baselineOf } from './baseline.js';
import type { NumberedDocument } from './step-diff.js';

export interface ReviewData {
  version: ReviewedVersion;
  document: JourneyDocument;
  journeyName: string;
  versions: ReviewedVersion[];
  baseline?: NumberedDocument;
  /** Every earlier version's document, for "unchanged since version K". */
  earlier: NumberedDocument[];
}

export function useReviewData(versionId: string) {
  const [data, setData] = useState<ReviewData>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    let current = true;
    (async () => {
      const { version } = await reviewApi.version(versionId);
      const { document, ...rest } = version;
      const { journey } = await reviewApi.journeyVersions(version.journeyId);
      const older = journey.versions.filter((v) => v.number < version.number);
      // Versions are immutable, so their documents are read once per review.
      const earlier = await Promise.all(
        older.map(async (v) => ({ number: v.number, document: (await reviewApi.version(v.id)).version.document })),
      );
      const base = baselineOf(journey.versions, version.number);
      const baseline = base && earlier.find((v) => v.number === base.number);
      if (current)
        setData({ version: rest, document, journeyName: journey.name, versions: journey.versions, baseline, earlier });
    })().catch((err) => current && setError(errorMessage(err)));
    return () => {
      current = false;
    };
  }, [versionId]);

  /** A signature changes the version's status and signatures, never its content: only the version is replaced. */
  const updateVersion = useCallback((version: ReviewedVersion) => {
    setData((d) => (d ? { ...d, version: { ...d.version, ...version } } : d));
  }, []);

  return { data, error, updateVersion };
}
