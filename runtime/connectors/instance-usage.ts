/**
 * Which running journey versions name a connector instance. Deleting an instance they use is refused: their next
 * send would fail for good ("connector not configured") and quietly take every patient down the `failed` path.
 */
import { and, eq, exists, inArray, or } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { enrollments, journeys, versions } from '../db/schema.js';
import type { JourneyDocument } from '../../schema/index.js';

export interface VersionUse {
  journey: string;
  version: number;
  status: string;
}

/** Published or paused versions, and any version with a running enrollment, whose steps send through `instanceId`. */
export async function versionsUsing(db: Database, instanceId: string): Promise<VersionUse[]> {
  const rows = await db
    .select({ journey: journeys.name, version: versions.number, status: versions.status, document: versions.document })
    .from(versions)
    .innerJoin(journeys, eq(journeys.id, versions.journeyId))
    .where(
      or(
        inArray(versions.status, ['published', 'paused']),
        exists(
          db
            .select({ id: enrollments.id })
            .from(enrollments)
            .where(and(eq(enrollments.versionId, versions.id), eq(enrollments.status, 'running'))),
        ),
      ),
    );
  return rows
    .filter(({ document }) =>
      Object.values((document as JourneyDocument).steps).some(
        (step) => (step.type === 'message' || step.type === 'assessment') && step.connector === instanceId,
      ),
    )
    .map(({ journey, version, status }) => ({ journey, version, status }));
}
