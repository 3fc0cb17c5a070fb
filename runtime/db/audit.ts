/** The append-only audit trail: every row chained to the previous row's hash, and a verifier that finds any break. */
import { createHash } from 'node:crypto';
import { asc, desc } from 'drizzle-orm';
import { canonicalJson } from '../../schema/canonical.js';
import type { Database } from './client.js';
import { auditTrail } from './schema.js';

export interface AuditEntry {
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  data?: unknown;
}

const GENESIS = 'sha256:genesis';

function rowHash(
  prevHash: string,
  row: { at: string; actor: string; action: string; entityType: string; entityId: string; data: unknown },
): string {
  return (
    'sha256:' +
    createHash('sha256')
      .update(prevHash + '\n' + canonicalJson({ ...row, data: row.data ?? null }))
      .digest('hex')
  );
}

type Executor = Pick<Database, 'select' | 'insert'>;

/** Appends one entry. Call inside the transaction that makes the change, so the change and its record land together. */
export async function appendAudit(tx: Executor, entry: AuditEntry): Promise<void> {
  const [last] = await tx.select({ hash: auditTrail.hash }).from(auditTrail).orderBy(desc(auditTrail.seq)).limit(1);
  const prevHash = last?.hash ?? GENESIS;
  const row = {
    at: new Date().toISOString(),
    actor: entry.actor,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    data: entry.data ?? null,
  };
  await tx.insert(auditTrail).values({ ...row, prevHash, hash: rowHash(prevHash, row) });
}

/** Walks the whole chain; returns the first row whose link or content does not match. */
export async function verifyAudit(
  db: Database,
): Promise<{ ok: true; rows: number } | { ok: false; rows: number; brokenAt: number; reason: string }> {
  const rows = await db.select().from(auditTrail).orderBy(asc(auditTrail.seq));
  let prevHash = GENESIS;
  for (const row of rows) {
    if (row.prevHash !== prevHash)
      return { ok: false, rows: rows.length, brokenAt: row.seq, reason: 'the link to the previous row does not match' };
    const expected = rowHash(prevHash, {
      at: row.at,
      actor: row.actor,
      action: row.action,
      entityType: row.entityType,
      entityId: row.entityId,
      data: row.data,
    });
    if (row.hash !== expected)
      return { ok: false, rows: rows.length, brokenAt: row.seq, reason: 'the row was changed after it was written' };
    prevHash = row.hash;
  }
  return { ok: true, rows: rows.length };
}
