/** How a version reads from outside: its status and review (required disciplines, editors, signatures, a rejection's reason). */
import { eq, inArray } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { signatures, users, versions } from '../db/schema.js';
import type { JourneyDocument } from '../../schema/document.js';
import { NotFoundError } from '../errors.js';
import type { VersionStatus } from './lifecycle.js';
import type { Decision, Discipline } from './signature-rules.js';

export type VersionRow = typeof versions.$inferSelect;
export type SignatureRow = typeof signatures.$inferSelect;
type Reader = Pick<Database, 'select'>;

export interface SignatureView {
  id: string;
  versionId: string;
  userId: string;
  printedName: string;
  discipline: Discipline;
  decision: Decision;
  meaning: string;
  reason?: string;
  contentHash: string;
  signedAt: string;
}

/** Everyone who authored or edited the version: the recorded editors and, for versions made before they were recorded, the creator. */
export function versionEditors(row: Pick<VersionRow, 'editors' | 'createdBy'>): string[] {
  return [...new Set([row.createdBy, ...(row.editors ?? [])])];
}

export function signatureView(row: SignatureRow): SignatureView {
  return {
    id: row.id,
    versionId: row.versionId,
    userId: row.userId,
    printedName: row.printedName,
    discipline: row.discipline as Discipline,
    decision: row.decision as Decision,
    meaning: row.meaning,
    ...(row.reason ? { reason: row.reason } : {}),
    contentHash: row.contentHash,
    signedAt: row.signedAt,
  };
}

/** The signatures of some versions, oldest first, grouped by version id. */
export async function signaturesOf(db: Reader, versionIds: string[]): Promise<Map<string, SignatureView[]>> {
  const grouped = new Map<string, SignatureView[]>(versionIds.map((id) => [id, []]));
  if (versionIds.length === 0) return grouped;
  const rows = await db
    .select()
    .from(signatures)
    .where(inArray(signatures.versionId, versionIds))
    .orderBy(signatures.signedAt);
  for (const row of rows) grouped.get(row.versionId)?.push(signatureView(row));
  return grouped;
}

async function namesOf(db: Reader, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(inArray(users.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Versions as the API returns them, with a few queries for the lot rather than several per version. */
export async function versionViews(db: Reader, rows: VersionRow[]) {
  const signed = await signaturesOf(
    db,
    rows.map((r) => r.id),
  );
  const names = await namesOf(
    db,
    rows.flatMap((r) => versionEditors(r)),
  );
  // Seeded and system actors are not users; their id stands in for a name.
  const person = (id: string) => ({ id, name: names.get(id) ?? id });
  return rows.map((row) => {
    const rowSignatures = signed.get(row.id) ?? [];
    const rejection = rowSignatures.find((s) => s.decision === 'reject');
    return {
      id: row.id,
      journeyId: row.journeyId,
      number: row.number,
      status: row.status as VersionStatus,
      contentHash: row.contentHash,
      createdAt: row.createdAt,
      createdBy: row.createdBy,
      publishedAt: row.publishedAt ?? undefined,
      submittedAt: row.submittedAt ?? undefined,
      submittedBy: row.submittedBy ?? undefined,
      approvedAt: row.approvedAt ?? undefined,
      supersededAt: row.supersededAt ?? undefined,
      requiredDisciplines: (row.requiredDisciplines ?? []) as Discipline[],
      editors: versionEditors(row).map(person),
      signatures: rowSignatures,
      ...(rejection
        ? {
            changesRequested: {
              reason: rejection.reason ?? rejection.meaning,
              by: { id: rejection.userId, name: rejection.printedName },
              discipline: rejection.discipline,
              at: rejection.signedAt,
            },
          }
        : {}),
    };
  });
}

export type VersionView = Awaited<ReturnType<typeof versionViews>>[number];

export async function versionView(db: Reader, row: VersionRow): Promise<VersionView> {
  return (await versionViews(db, [row]))[0];
}

export async function versionRow(db: Reader, id: string): Promise<VersionRow> {
  const [row] = await db.select().from(versions).where(eq(versions.id, id));
  if (!row) throw NotFoundError.of('version', id);
  return row;
}

/** A version with its frozen document. */
export async function getVersion(db: Reader, id: string) {
  const row = await versionRow(db, id);
  return { ...(await versionView(db, row)), document: row.document as JourneyDocument };
}
