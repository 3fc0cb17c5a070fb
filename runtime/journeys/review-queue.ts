/** The reviewer's queue: submitted versions that wait for the current user's signature. */
import { asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { journeys, users, versions } from '../db/schema.js';
import { awaitedDisciplines, signatureRefusal } from './signature-rules.js';
import type { VersionStatus } from './lifecycle.js';
import { versionEditors, versionViews } from './version-view.js';

/** Versions the user may sign now, oldest submission first: their discipline is awaited and no rule stands in the way. */
export async function reviewQueue(db: Database, userId: string) {
  const [user] = await db
    .select({ id: users.id, roles: users.roles, discipline: users.discipline })
    .from(users)
    .where(eq(users.id, userId));
  if (!user?.discipline || !user.roles.includes('compliance-reviewer')) return [];
  const rows = await db
    .select({ version: versions, journeyName: journeys.name })
    .from(versions)
    .innerJoin(journeys, eq(journeys.id, versions.journeyId))
    .where(inArray(versions.status, ['submitted']))
    .orderBy(asc(versions.submittedAt));
  const views = await versionViews(
    db,
    rows.map((r) => r.version),
  );
  return views
    .map((view, i) => ({ ...view, journeyName: rows[i].journeyName, row: rows[i].version }))
    .filter(
      ({ row, signatures }) =>
        signatureRefusal(
          user,
          {
            status: row.status as VersionStatus,
            editors: versionEditors(row),
            requiredDisciplines: row.requiredDisciplines ?? [],
            signatures,
          },
          user.discipline!,
        ) === null,
    )
    .map(({ row, ...view }) => ({
      ...view,
      awaiting: awaitedDisciplines(row.requiredDisciplines ?? [], view.signatures),
    }));
}
