/** Status changes a person asks for (submit, publish, pause, resume, retire), each checked and audited in one transaction. */
import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { versions } from '../db/schema.js';
import { nowIso } from '../db/ids.js';
import { appendAudit } from '../db/audit.js';
import { ConflictError } from '../errors.js';
import { nextStatus, type VersionStatus } from './lifecycle.js';
import { reviewSettings } from './review-settings.js';
import { getVersion, versionRow } from './version-view.js';
import type { REQUESTED_ACTIONS } from './lifecycle.js';

export type RequestedAction = (typeof REQUESTED_ACTIONS)[number];

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

/** The journey's published or paused version other than `id`, which publishing `id` supersedes. */
async function liveSibling(tx: Tx, journeyId: string, id: string) {
  const [row] = await tx
    .select()
    .from(versions)
    .where(
      and(eq(versions.journeyId, journeyId), ne(versions.id, id), inArray(versions.status, ['published', 'paused'])),
    );
  return row;
}

/** Applies an action; the status check and the update happen in one transaction so two clicks cannot both win. */
export async function changeVersionStatus(db: Database, actor: string, id: string, action: RequestedAction) {
  await db.transaction(
    async (tx) => {
      const row = await versionRow(tx, id);
      const next = nextStatus(row.status as VersionStatus, action);
      if (!next.ok) throw new ConflictError(next.code, next.message);
      const at = nowIso();
      const changes: Partial<typeof versions.$inferInsert> = { status: next.status };
      const data: Record<string, unknown> = { from: row.status, to: next.status, contentHash: row.contentHash };

      if (action === 'submit') {
        // Frozen now, so a later change of the setting never changes a review in progress.
        const { disciplines } = await reviewSettings(tx, row.journeyId);
        Object.assign(changes, { submittedAt: at, submittedBy: actor, requiredDisciplines: disciplines });
        data.requiredDisciplines = disciplines;
      }
      if (action === 'resume') {
        const sibling = await liveSibling(tx, row.journeyId, id);
        if (sibling?.status === 'published')
          throw new ConflictError(
            'another-version-published',
            `Version ${sibling.number} of this journey is published; a journey has one published version at a time.`,
          );
      }
      if (action === 'publish') {
        changes.publishedAt = at;
        // One published version per journey: the previous one keeps its patients but takes no new ones.
        const sibling = await liveSibling(tx, row.journeyId, id);
        if (sibling) {
          await tx
            .update(versions)
            .set({ status: 'superseded', supersededAt: at })
            .where(and(eq(versions.id, sibling.id), eq(versions.status, sibling.status)));
          await appendAudit(tx, {
            actor,
            action: 'version.supersede',
            entityType: 'version',
            entityId: sibling.id,
            data: { from: sibling.status, to: 'superseded', by: id, contentHash: sibling.contentHash },
          });
          data.supersedes = sibling.id;
        }
      }
      const updated = await tx
        .update(versions)
        .set(changes)
        .where(and(eq(versions.id, id), eq(versions.status, row.status)))
        .returning({ id: versions.id });
      if (updated.length === 0)
        throw new ConflictError(
          'version-changed',
          'The version changed while this was being done; reload it and try again.',
        );
      await appendAudit(tx, { actor, action: `version.${action}`, entityType: 'version', entityId: id, data });
    },
    { behavior: 'immediate' },
  );
  return getVersion(db, id);
}
