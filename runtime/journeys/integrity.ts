/** Is a version's stored document still the one that was approved? Recomputed from the document, never assumed. */
import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { signatures, versions } from '../db/schema.js';
import { appendAudit } from '../db/audit.js';
import { verifyContentHash } from '../../schema/canonical.js';
import type { JourneyDocument } from '../../schema/document.js';

type Reader = Pick<Database, 'select'>;

export type IntegrityVerdict = { ok: true; contentHash: string } | { ok: false; reason: string; contentHash: string };

/**
 * Checks the stored document against the version's hash and every approval against that hash. Both matter: an edit of
 * the document alone breaks the first; rewriting the document and the version's hash together breaks the second.
 */
export async function checkVersionIntegrity(
  db: Reader,
  row: { id: string; document: unknown; contentHash: string },
): Promise<IntegrityVerdict> {
  const contentHash = row.contentHash;
  if (!(await verifyContentHash(row.document as JourneyDocument, contentHash)))
    return { ok: false, contentHash, reason: "the stored document no longer hashes to the version's content hash" };
  const approvals = await db
    .select({ contentHash: signatures.contentHash })
    .from(signatures)
    .where(and(eq(signatures.versionId, row.id), eq(signatures.decision, 'approve')));
  if (approvals.some((a) => a.contentHash !== contentHash))
    return {
      ok: false,
      contentHash,
      reason: "the version's content hash differs from the hash its approvals were signed on",
    };
  return { ok: true, contentHash };
}

/** Loads the version and checks it; a failure is audited (`version.integrity-error`) with where it was found. */
export async function verifyStoredVersion(
  db: Database,
  versionId: string,
  found: {
    actor: string;
    where: 'enrollment' | 'workflow-start' | 'workflow-continue' | 'signature';
    enrollmentId?: string;
  },
): Promise<IntegrityVerdict & { document?: unknown }> {
  const [row] = await db.select().from(versions).where(eq(versions.id, versionId));
  if (!row) return { ok: false, contentHash: '', reason: `version ${versionId} does not exist` };
  const verdict = await checkVersionIntegrity(db, row);
  if (!verdict.ok) await auditIntegrityError(db, versionId, verdict, found);
  // The document that was checked, so a caller that runs it reads it once.
  return verdict.ok ? { ...verdict, document: row.document } : verdict;
}

export async function auditIntegrityError(
  db: Database,
  versionId: string,
  verdict: Extract<IntegrityVerdict, { ok: false }>,
  found: { actor: string; where: string; enrollmentId?: string },
): Promise<void> {
  await db.transaction(
    (tx) =>
      appendAudit(tx, {
        actor: found.actor,
        action: 'version.integrity-error',
        entityType: 'version',
        entityId: versionId,
        data: {
          where: found.where,
          reason: verdict.reason,
          contentHash: verdict.contentHash,
          ...(found.enrollmentId ? { enrollmentId: found.enrollmentId } : {}),
        },
      }),
    { behavior: 'immediate' },
  );
}
