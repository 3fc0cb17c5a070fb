/** Journeys, drafts and versions in the database: create, save a draft, snapshot an immutable version, change a version's status. */
import { and, desc, eq, max } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { journeys, versions } from '../db/schema.js';
import { newId, nowIso } from '../db/ids.js';
import { appendAudit } from '../db/audit.js';
import { validateJourney } from '../../schema/validate.js';
import type { ValidationContext } from '../../schema/connectors-check.js';
import { contentHash } from '../../schema/canonical.js';
import type { JourneyDocument } from '../../schema/document.js';
import { ConflictError, InvalidInputError, NotFoundError, UnprocessableError } from '../errors.js';
import { nextStatus, type VersionAction, type VersionStatus } from './lifecycle.js';

export type VersionRow = typeof versions.$inferSelect;

export function versionSummary(row: VersionRow) {
  return {
    id: row.id,
    journeyId: row.journeyId,
    number: row.number,
    status: row.status as VersionStatus,
    contentHash: row.contentHash,
    createdAt: row.createdAt,
    createdBy: row.createdBy,
    publishedAt: row.publishedAt ?? undefined,
  };
}

/** Structure must hold for a draft to be saved; graph and step problems may remain while the author works. */
export function acceptDraft(input: unknown): {
  document: JourneyDocument;
  problems: ReturnType<typeof validateJourney>['problems'];
} {
  const result = validateJourney(input);
  if (!result.document)
    throw new InvalidInputError(
      'invalid-document',
      'The document is not a journey document; see problems.',
      result.problems,
    );
  return { document: result.document, problems: result.problems };
}

export async function createJourney(db: Database, actor: string, name: string, document: JourneyDocument) {
  const id = newId('jrn');
  const at = nowIso();
  await db.transaction(
    async (tx) => {
      await tx.insert(journeys).values({ id, name, draft: { ...document, name }, createdBy: actor, updatedAt: at });
      await appendAudit(tx, { actor, action: 'journey.created', entityType: 'journey', entityId: id, data: { name } });
    },
    { behavior: 'immediate' },
  );
  return getJourney(db, id);
}

export async function listJourneys(db: Database) {
  const rows = await db.select().from(journeys).orderBy(desc(journeys.updatedAt));
  const result = [];
  for (const row of rows) {
    const [latest] = await db
      .select()
      .from(versions)
      .where(eq(versions.journeyId, row.id))
      .orderBy(desc(versions.number))
      .limit(1);
    result.push({
      id: row.id,
      name: row.name,
      updatedAt: row.updatedAt,
      latestVersion: latest ? { id: latest.id, number: latest.number, status: latest.status } : null,
    });
  }
  return result;
}

export async function getJourney(db: Database, id: string, context: ValidationContext = {}) {
  const [row] = await db.select().from(journeys).where(eq(journeys.id, id));
  if (!row) throw NotFoundError.of('journey', id);
  const rows = await db.select().from(versions).where(eq(versions.journeyId, id)).orderBy(desc(versions.number));
  const validation = validateJourney(row.draft, context);
  return {
    id: row.id,
    name: row.name,
    draft: row.draft as JourneyDocument,
    draftUpdatedAt: row.updatedAt,
    problems: validation.problems,
    versions: rows.map(versionSummary),
  };
}

export async function saveDraft(
  db: Database,
  actor: string,
  id: string,
  input: unknown,
  context: ValidationContext = {},
) {
  const { document } = acceptDraft(input);
  await getJourney(db, id);
  await db
    .update(journeys)
    .set({ draft: document, name: document.name, updatedAt: nowIso() })
    .where(eq(journeys.id, id));
  void actor; // drafts change constantly; the audit trail records the snapshot, which is what gets reviewed
  return getJourney(db, id, context);
}

/** Freezes the saved draft as the next version number. Refused while the draft has errors. */
/** `context` names the connectors installed here, so a version that could not send is refused. */
export async function snapshotVersion(db: Database, actor: string, journeyId: string, context: ValidationContext = {}) {
  const journey = await getJourney(db, journeyId);
  const result = validateJourney(journey.draft, context);
  if (!result.ok)
    throw new UnprocessableError(
      'draft-has-problems',
      `The draft has ${result.problems.filter((p) => p.severity === 'error').length} problem(s) to fix before it can become a version.`,
      result.problems,
    );
  const hash = await contentHash(result.document);
  const id = newId('ver');
  await db.transaction(
    async (tx) => {
      const [{ last }] = await tx
        .select({ last: max(versions.number) })
        .from(versions)
        .where(eq(versions.journeyId, journeyId));
      const number = (last ?? 0) + 1;
      await tx.insert(versions).values({
        id,
        journeyId,
        number,
        document: result.document,
        contentHash: hash,
        status: 'snapshot',
        createdBy: actor,
      });
      await appendAudit(tx, {
        actor,
        action: 'version.snapshot',
        entityType: 'version',
        entityId: id,
        data: { journeyId, number, contentHash: hash },
      });
    },
    { behavior: 'immediate' },
  );
  return getVersion(db, id);
}

export async function getVersion(db: Database, id: string) {
  const [row] = await db.select().from(versions).where(eq(versions.id, id));
  if (!row) throw NotFoundError.of('version', id);
  return { ...versionSummary(row), document: row.document as JourneyDocument };
}

/** Applies a lifecycle action; the status check and the update happen in one transaction so two clicks cannot both win. */
export async function changeVersionStatus(db: Database, actor: string, id: string, action: VersionAction) {
  await db.transaction(
    async (tx) => {
      const [row] = await tx.select().from(versions).where(eq(versions.id, id));
      if (!row) throw NotFoundError.of('version', id);
      const next = nextStatus(row.status as VersionStatus, action);
      if (!next.ok) throw new ConflictError('invalid-transition', next.message);
      await tx
        .update(versions)
        .set({ status: next.status, ...(action === 'publish' ? { publishedAt: nowIso() } : {}) })
        .where(and(eq(versions.id, id), eq(versions.status, row.status)));
      await appendAudit(tx, {
        actor,
        action: `version.${action}`,
        entityType: 'version',
        entityId: id,
        data: { from: row.status, to: next.status, contentHash: row.contentHash },
      });
    },
    { behavior: 'immediate' },
  );
  return getVersion(db, id);
}
