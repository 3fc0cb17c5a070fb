/** How audit rows and the signed head are hashed: the old unkeyed SHA-256 chain, and the keyed HMAC-SHA256 chain that replaced it. */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export const GENESIS = 'sha256:genesis';
export const LEGACY_PREFIX = 'sha256:';
export const KEYED_PREFIX = 'hmac-sha256:';

export interface AuditRowContent {
  at: string;
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  data: unknown;
}

export interface AuditHeadContent {
  seq: number;
  hash: string;
  legacyUntil: number;
  lostBefore: number | null;
}

/**
 * JSON with object keys sorted. Frozen: the rows already written were hashed over exactly this form, so it
 * must never follow changes to any other canonical form in the project.
 */
function stableJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return '[' + value.map(stableJson).join(',') + ']';
  const record = value as Record<string, unknown>;
  return (
    '{' +
    Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort()
      .map((key) => JSON.stringify(key) + ':' + stableJson(record[key]))
      .join(',') +
    '}'
  );
}

/** Rows written before the keyed chain: anyone can recompute these, so they only hold inside the signed head's legacy range. */
export function legacyRowHash(prevHash: string, row: AuditRowContent): string {
  return (
    LEGACY_PREFIX +
    createHash('sha256')
      .update(prevHash + '\n' + stableJson({ ...row, data: row.data ?? null }))
      .digest('hex')
  );
}

/** The keyed row hash covers its seq too, so renumbering rows is caught as well. */
export function keyedRowHash(key: Buffer, seq: number, prevHash: string, row: AuditRowContent): string {
  return (
    KEYED_PREFIX +
    createHmac('sha256', key)
      .update('audit-row\n' + prevHash + '\n' + stableJson({ ...row, seq, data: row.data ?? null }))
      .digest('hex')
  );
}

export function headMac(key: Buffer, head: AuditHeadContent): string {
  return createHmac('sha256', key)
    .update('audit-head\n' + stableJson({ ...head }))
    .digest('hex');
}

/** Constant-time string comparison, so a MAC cannot be found byte by byte through timing. */
export function sameMac(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
