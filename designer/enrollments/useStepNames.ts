/** A version's step names by step id, for lists that would otherwise show ids; the id stands in until the version loads (or for a step without a name). */
import { useCallback, useEffect, useState } from 'react';
import type { JourneyDocument } from '../../schema/index.js';
import { enrollmentsApi } from './enrollments-api.js';

export function useStepNames(versionId: string): (stepId: string) => string {
  const [names, setNames] = useState<Map<string, string>>();
  useEffect(() => {
    let current = true;
    enrollmentsApi.version(versionId).then(
      ({ version }) => {
        const steps = (version.document as JourneyDocument).steps;
        if (current) setNames(new Map(Object.entries(steps).map(([id, step]) => [id, step.name || id])));
      },
      // Without the document (a role that may not read versions) the ids still say where each patient is.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [versionId]);
  return useCallback((stepId: string) => names?.get(stepId) ?? stepId, [names]);
}
