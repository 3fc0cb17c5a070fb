/** The append-only audit trail: a keyed hash chain plus a signed head, and a verifier that finds any edit, deletion or rewrite. */
import { asc, count as countOf, desc, eq, gt, like } from 'drizzle-orm';
import type { Database } from './client.js';
import { auditHead, auditTrail } from './schema.js';
import { auditKey } from './audit-key.js';
import {
  GENESIS,
  KEYED_PREFIX,
  LEGACY_PREFIX,
  headMac,
  keyedRowHash,
  legacyRowHash,
  sameMac,
  type AuditHeadContent,
} from './audit-hash.js';

export interface AuditEntry {
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  data?: unknown;
}

export type AuditVerdict = { ok: true; rows: number } | { ok: false; rows: number; brokenAt: number; reason: string };

type Executor = Pick<Database, 'select' | 'insert'>;

const HEAD_ID = 1;

/** Appends one entry and moves the signed head to it. Call inside the transaction that makes the change, so both land together. */
export async function appendAudit(tx: Executor, entry: AuditEntry): Promise<void> {
  return appendWithKey(tx, auditKey(), entry);
}

async function appendWithKey(tx: Executor, key: Buffer, entry: AuditEntry): Promise<void> {
  const [last] = await tx
    .select({ seq: auditTrail.seq, hash: auditTrail.hash })
    .from(auditTrail)
    .orderBy(desc(auditTrail.seq))
    .limit(1);
  const [head] = await tx.select().from(auditHead).where(eq(auditHead.id, HEAD_ID));
  const seq = Math.max(last?.seq ?? 0, head?.seq ?? 0) + 1;
  let legacyUntil = head?.legacyUntil ?? 0;
  let lostBefore = head?.lostBefore ?? null;
  if (!head && last) {
    // Rows but no head: someone removed it, and the trail before this row can no longer be vouched for. That
    // holds for unkeyed rows too: a trail from before the keyed chain is sealed only on purpose, once
    // (`sealLegacyAuditTrail`), never here, or deleting the head and rewriting the trail as unkeyed rows
    // would pass as a pre-keyed trail after the next change.
    lostBefore = seq;
    const [keyed] = await tx
      .select({ seq: auditTrail.seq })
      .from(auditTrail)
      .where(like(auditTrail.hash, `${KEYED_PREFIX}%`))
      .limit(1);
    // Unkeyed rows only: still checked as plain rows, so the verdict names the removed head rather than row 1.
    if (!keyed) legacyUntil = last.seq;
  }
  const row = {
    at: new Date().toISOString(),
    actor: entry.actor,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    data: entry.data ?? null,
  };
  const prevHash = last?.hash ?? GENESIS;
  const hash = keyedRowHash(key, seq, prevHash, row);
  await tx.insert(auditTrail).values({ seq, ...row, prevHash, hash });
  const content: AuditHeadContent = { seq, hash, legacyUntil, lostBefore };
  const mac = headMac(key, content);
  await tx
    .insert(auditHead)
    .values({ id: HEAD_ID, ...content, mac })
    .onConflictDoUpdate({ target: auditHead.id, set: { ...content, mac } });
}

export const LEGACY_SEALED_ACTION = 'audit.legacy-sealed';

/**
 * Seals a trail from before the keyed chain, once and on purpose: only when there is no signed head and every
 * row is unkeyed, writes the head over the last of them (`legacyUntil`) and records the sealing as an audited
 * row. Anything else is refused with the reason (throws): a head exists, a keyed row exists, or there are no rows.
 */
export async function sealLegacyAuditTrail(
  db: Database,
  key: Buffer = auditKey(),
  actor = 'system',
): Promise<{ legacyUntil: number; rows: number }> {
  return db.transaction(async (tx) => {
    const refusal = await legacySealRefusal(tx);
    if (typeof refusal === 'string') throw new Error(`cannot seal the audit trail as pre-keyed: ${refusal}`);
    const { last, rows } = refusal;
    const content: AuditHeadContent = { seq: last.seq, hash: last.hash, legacyUntil: last.seq, lostBefore: null };
    await tx.insert(auditHead).values({ id: HEAD_ID, ...content, mac: headMac(key, content) });
    await appendWithKey(tx, key, {
      actor,
      action: LEGACY_SEALED_ACTION,
      entityType: 'audit',
      entityId: 'trail',
      data: { legacyUntil: last.seq, rows },
    });
    return { legacyUntil: last.seq, rows };
  });
}

/** Whether a trail from before the keyed chain is waiting to be sealed: no head, rows, and none of them keyed. */
export async function hasUnsealedLegacyTrail(db: Executor): Promise<boolean> {
  return typeof (await legacySealRefusal(db)) !== 'string';
}

async function legacySealRefusal(
  tx: Executor,
): Promise<string | { last: { seq: number; hash: string }; rows: number }> {
  const [head] = await tx.select({ id: auditHead.id }).from(auditHead).where(eq(auditHead.id, HEAD_ID));
  if (head) return 'the trail already has a signed head (it is sealed, or the keyed chain has begun)';
  const [last] = await tx
    .select({ seq: auditTrail.seq, hash: auditTrail.hash })
    .from(auditTrail)
    .orderBy(desc(auditTrail.seq))
    .limit(1);
  if (!last) return 'the trail is empty, there is nothing from before the keyed chain to seal';
  const [keyed] = await tx
    .select({ seq: auditTrail.seq })
    .from(auditTrail)
    .where(like(auditTrail.hash, `${KEYED_PREFIX}%`))
    .limit(1);
  if (keyed)
    return `row ${keyed.seq} is signed with the audit key, so the keyed chain had begun and its signed head was removed`;
  const [{ rows }] = await tx.select({ rows: countOf() }).from(auditTrail);
  return { last, rows };
}

const PAGE = 1000;

/** Walks the whole chain and the signed head; returns the first row that does not hold, and why. */
export async function verifyAudit(db: Database, key: Buffer = auditKey()): Promise<AuditVerdict> {
  const readHead = async () => (await db.select().from(auditHead).where(eq(auditHead.id, HEAD_ID)))[0];
  // The legacy range is fixed once the first keyed row is written, so reading it up front is safe.
  const startHead = await readHead();
  const legacyUntil = startHead?.legacyUntil ?? 0;
  // No head: the trail fails anyway (below); its unkeyed rows are still checked as plain rows, so a trail from
  // before the keyed chain that is not sealed yet is reported as such rather than as unkeyed rows.
  let unkeyedOnly = true;
  let prevHash = GENESIS;
  let count = 0;
  let last: { seq: number; hash: string } | undefined;
  const broken = (brokenAt: number, reason: string): AuditVerdict => ({ ok: false, rows: count, brokenAt, reason });

  /** Checks every row after the last one checked; the first bad one, or undefined. */
  async function walk(): Promise<AuditVerdict | undefined> {
    for (;;) {
      const page = await db
        .select()
        .from(auditTrail)
        .where(last ? gt(auditTrail.seq, last.seq) : undefined)
        .orderBy(asc(auditTrail.seq))
        .limit(PAGE);
      for (const row of page) {
        count++;
        if (row.prevHash !== prevHash)
          return broken(row.seq, 'its link to the previous row does not match: a row before it was deleted or changed');
        const content = {
          at: row.at,
          actor: row.actor,
          action: row.action,
          entityType: row.entityType,
          entityId: row.entityId,
          data: row.data,
        };
        if (row.hash.startsWith(KEYED_PREFIX)) unkeyedOnly = false;
        if (row.seq <= legacyUntil || (!startHead && row.hash.startsWith(LEGACY_PREFIX))) {
          if (!row.hash.startsWith(LEGACY_PREFIX) || row.hash !== legacyRowHash(prevHash, content))
            return broken(row.seq, 'the row was changed after it was written');
        } else if (!row.hash.startsWith(KEYED_PREFIX)) {
          return broken(
            row.seq,
            'the row is not signed with the audit key (an unkeyed row after the keyed chain began)',
          );
        } else if (!sameMac(row.hash, keyedRowHash(key, row.seq, prevHash, content))) {
          return broken(row.seq, 'the row was changed after it was written, or written without the audit key');
        }
        prevHash = row.hash;
        last = { seq: row.seq, hash: row.hash };
      }
      if (page.length < PAGE) return undefined;
    }
  }

  const failure = await walk();
  if (failure) return failure;
  // The head is read after the rows: a row and its head move together, so an append that landed during the
  // walk shows as a head beyond the last row read; read what it added before judging the end of the trail.
  let head = await readHead();
  for (let round = 0; round < 5 && head && last && head.seq > last.seq; round++) {
    const before: number = last.seq;
    const more = await walk();
    if (more) return more;
    if (last.seq === before) break;
    head = await readHead();
  }

  if (!head && last && unkeyedOnly)
    return broken(
      last.seq,
      'the signed head record is missing: these unkeyed rows are from before the keyed chain only if nobody ' +
        'rewrote them; a genuine pre-keyed trail is sealed once with `npx carepath audit seal-legacy`',
    );
  if (!head) return last ? broken(last.seq, 'the signed head record is missing') : { ok: true, rows: 0 };
  const content = { seq: head.seq, hash: head.hash, legacyUntil: head.legacyUntil, lostBefore: head.lostBefore };
  if (!sameMac(head.mac, headMac(key, content)))
    return broken(head.seq, 'the signed head record was changed, or signed without the audit key');
  if (head.lostBefore !== null)
    return broken(head.lostBefore, 'the signed head record was removed before this row was written');
  if (!last || last.seq < head.seq)
    return broken(
      (last?.seq ?? 0) + 1,
      `rows up to ${head.seq} were deleted from the end of the trail (the signed head names row ${head.seq})`,
    );
  if (last.seq > head.seq || last.hash !== head.hash)
    return broken(
      last.seq,
      'the last row does not match the signed head: it was added or changed without the audit key',
    );
  return { ok: true, rows: count };
}
