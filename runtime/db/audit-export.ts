/** Reading the audit trail out for a reviewer or an inspector: rows for one entity or a time range, as JSON records or CSV. */
import { and, asc, eq, gte, lte, type SQL } from 'drizzle-orm';
import type { Database } from './client.js';
import { auditTrail, users } from './schema.js';

export interface AuditFilter {
  /** A version, journey, enrollment, user… id: the rows about that one thing. */
  entityId?: string;
  /** ISO 8601 instants, both inclusive. */
  from?: string;
  to?: string;
}

export interface AuditRecord {
  seq: number;
  at: string;
  actor: string;
  /** The printed name of the actor when the actor is a user (Part 11 records show who, not an id). */
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string;
  data: unknown;
  hash: string;
}

/** The rows that match, oldest first. */
export async function auditRecords(db: Database, filter: AuditFilter): Promise<AuditRecord[]> {
  const where: SQL[] = [];
  if (filter.entityId) where.push(eq(auditTrail.entityId, filter.entityId));
  if (filter.from) where.push(gte(auditTrail.at, new Date(filter.from).toISOString()));
  if (filter.to) where.push(lte(auditTrail.at, new Date(filter.to).toISOString()));
  const rows = await db
    .select({ row: auditTrail, actorName: users.name })
    .from(auditTrail)
    .leftJoin(users, eq(users.id, auditTrail.actor))
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(auditTrail.seq));
  return rows.map(({ row, actorName }) => ({
    seq: row.seq,
    at: row.at,
    actor: row.actor,
    actorName: actorName ?? null,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    data: row.data ?? null,
    hash: row.hash,
  }));
}

const COLUMNS = ['seq', 'at', 'actor', 'actorName', 'action', 'entityType', 'entityId', 'data', 'hash'] as const;

/** One CSV cell (RFC 4180); a leading =, +, - or @ is neutralised so a spreadsheet never runs it as a formula. */
function cell(value: unknown): string {
  let text = value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(text)) text = "'" + text;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function auditCsv(records: AuditRecord[]): string {
  const lines = [COLUMNS.join(',')];
  for (const record of records) lines.push(COLUMNS.map((column) => cell(record[column])).join(','));
  return lines.join('\r\n') + '\r\n';
}
