/** A version's export for the record: the frozen document, its review (signatures, editors) and comments; the export is audited. */
import type { Database } from '../db/client.js';
import { appendAudit } from '../db/audit.js';
import { nowIso } from '../db/ids.js';
import { listComments } from './comments.js';
import { getVersion } from './version-view.js';

export async function exportVersion(db: Database, actor: { id: string; name: string }, versionId: string) {
  const version = await getVersion(db, versionId);
  const comments = await listComments(db, versionId);
  const exportedAt = nowIso();
  await db.transaction(
    (tx) =>
      appendAudit(tx, {
        actor: actor.id,
        action: 'version.exported',
        entityType: 'version',
        entityId: versionId,
        data: { contentHash: version.contentHash, signatures: version.signatures.length },
      }),
    { behavior: 'immediate' },
  );
  return { exportedAt, exportedBy: { id: actor.id, name: actor.name }, version, comments };
}
