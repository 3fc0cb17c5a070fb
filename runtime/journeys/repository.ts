/** Journeys, drafts and versions in the database: create, save a draft (recording who edited), snapshot an immutable version. */
import { and, desc, eq, isNull, max } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { draftSaves, journeys, users, versions } from '../db/schema.js';
import { newId, nowIso } from '../db/ids.js';
import { appendAudit } from '../db/audit.js';
import { validateJourney } from '../../schema/validate.js';
import type { ValidationContext } from '../../schema/connectors-check.js';
import { contentHash } from '../../schema/canonical.js';
import type { JourneyDocument } from '../../schema/document.js';
import { ConflictError, InvalidInputError, NotFoundError, UnprocessableError } from '../errors.js';
import { getVersion, versionViews } from './version-view.js';

export { getVersion, versionRow, type VersionRow } from './version-view.js';
export { changeVersionStatus } from './transitions.js';

type Writer = Pick<Database, 'insert'>;

/**
 * Never lose work: any journey-shaped object is kept as the author left it, structural problems included
 * (the problems come back with it, and snapshot refuses them). Only what checkShape or the step limit
 * refuses (too deep, forbidden keys, too many steps) is turned away.
 */
export function acceptDraft(input: unknown): {
  document: JourneyDocument;
  problems: ReturnType<typeof validateJourney>['problems'];
} {
  const result = validateJourney(input);
  const limits = result.problems.filter((p) => p.code === 'structure.limits');
  if (limits.length > 0)
    throw new InvalidInputError(
      'invalid-document',
      'The document is past the limits of a journey; see problems.',
      limits,
    );
  if (input === null || typeof input !== 'object' || Array.isArray(input))
    throw new InvalidInputError('invalid-document', 'A draft must be a JSON object.');
  // A structurally invalid draft is stored raw: the designer reopens it exactly as left.
  return { document: result.document ?? (input as JourneyDocument), problems: result.problems };
}

/** Records that `actor` edited the journey's content: the next snapshot counts them among its editors, who may not sign it. */
async function recordDraftSave(tx: Writer, journeyId: string, actor: string, at: string) {
  await tx.insert(draftSaves).values({ id: newId('dsv'), journeyId, userId: actor, savedAt: at });
}

export async function createJourney(db: Database, actor: string, name: string, document: JourneyDocument) {
  const id = newId('jrn');
  const at = nowIso();
  await db.transaction(
    async (tx) => {
      await tx.insert(journeys).values({ id, name, draft: { ...document, name }, createdBy: actor, updatedAt: at });
      await recordDraftSave(tx, id, actor, at);
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
    draftRevision: row.draftRevision,
    problems: validation.problems,
    versions: await versionViews(db, rows),
  };
}

/**
 * Saves the draft; every save is recorded and audited, because whoever edits content may not approve it.
 * `baseRevision` is the draft revision the author started from: when someone saved since, the save is
 * refused (409) with who saved last and when, and nothing changes.
 */
export async function saveDraft(
  db: Database,
  actor: string,
  id: string,
  input: unknown,
  context: ValidationContext = {},
  baseRevision?: number,
) {
  const { document } = acceptDraft(input);
  const at = nowIso();
  await db.transaction(
    async (tx) => {
      const [row] = await tx
        .select({ id: journeys.id, name: journeys.name, revision: journeys.draftRevision })
        .from(journeys)
        .where(eq(journeys.id, id));
      if (!row) throw NotFoundError.of('journey', id);
      if (baseRevision !== undefined && baseRevision !== row.revision) throw await staleDraft(tx, id, row.revision);
      const name = typeof document.name === 'string' && document.name.trim() ? document.name : row.name;
      await tx
        .update(journeys)
        .set({ draft: document, name, updatedAt: at, draftRevision: row.revision + 1 })
        .where(eq(journeys.id, id));
      await recordDraftSave(tx, id, actor, at);
      await appendAudit(tx, {
        actor,
        action: 'journey.draft-saved',
        entityType: 'journey',
        entityId: id,
        data: { contentHash: await contentHash(document), revision: row.revision + 1 },
      });
    },
    { behavior: 'immediate' },
  );
  return getJourney(db, id, context);
}

/** The conflict answer for a save based on an older revision: names who saved last and when. */
async function staleDraft(tx: Pick<Database, 'select'>, journeyId: string, revision: number) {
  const [last] = await tx
    .select({ name: users.name, savedAt: draftSaves.savedAt })
    .from(draftSaves)
    .leftJoin(users, eq(users.id, draftSaves.userId))
    .where(eq(draftSaves.journeyId, journeyId))
    .orderBy(desc(draftSaves.savedAt))
    .limit(1);
  const who = last ? `${last.name ?? 'Someone'} saved this draft at ${last.savedAt}` : 'Someone saved this draft';
  return new ConflictError(
    'draft-conflict',
    `${who} (revision ${revision}), after you started editing: your save was refused so neither version is lost. Load theirs, then restore yours if it should win.`,
  );
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
      // The editors of this version: whoever saved the draft since the previous snapshot, and the one snapshotting it.
      const saves = await tx
        .select({ userId: draftSaves.userId })
        .from(draftSaves)
        .where(and(eq(draftSaves.journeyId, journeyId), isNull(draftSaves.versionId)));
      const editors = [...new Set([actor, ...saves.map((s) => s.userId)])];
      await tx.insert(versions).values({
        id,
        journeyId,
        number,
        document: result.document,
        contentHash: hash,
        status: 'snapshot',
        createdBy: actor,
        editors,
      });
      await tx
        .update(draftSaves)
        .set({ versionId: id })
        .where(and(eq(draftSaves.journeyId, journeyId), isNull(draftSaves.versionId)));
      await appendAudit(tx, {
        actor,
        action: 'version.snapshot',
        entityType: 'version',
        entityId: id,
        data: { journeyId, number, contentHash: hash, editors },
      });
    },
    { behavior: 'immediate' },
  );
  return getVersion(db, id);
}
