/** A version's diff against the last approved version of its journey (or one named), using the pure `schema/diff`. */
import { and, desc, eq, isNotNull, lt, or } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { versions } from '../db/schema.js';
import { diffJourneys } from '../../schema/diff/index.js';
import type { JourneyDocument } from '../../schema/document.js';
import { InvalidInputError } from '../errors.js';
import { versionRow } from './version-view.js';

const numbered = (row: { number: number; document: unknown }) => ({
  number: row.number,
  document: row.document as JourneyDocument,
});

export async function versionDiff(db: Database, versionId: string, againstId?: string) {
  const current = await versionRow(db, versionId);
  let base;
  if (againstId) {
    base = await versionRow(db, againstId);
    if (base.journeyId !== current.journeyId)
      throw new InvalidInputError('other-journey', `?against: version ${againstId} belongs to another journey.`);
  } else {
    // The last version approved before this one, whatever it became afterwards (published, superseded, retired).
    [base] = await db
      .select()
      .from(versions)
      .where(
        and(
          eq(versions.journeyId, current.journeyId),
          lt(versions.number, current.number),
          // Versions published before reviews existed have no approval time; publishing was their approval.
          or(isNotNull(versions.approvedAt), isNotNull(versions.publishedAt)),
        ),
      )
      .orderBy(desc(versions.number))
      .limit(1);
  }
  const history = await db
    .select({ number: versions.number, document: versions.document })
    .from(versions)
    .where(and(eq(versions.journeyId, current.journeyId), lt(versions.number, current.number)));
  return {
    base: base ? { id: base.id, number: base.number } : null,
    diff: diffJourneys(numbered(current), base ? numbered(base) : null, history.map(numbered)),
  };
}
