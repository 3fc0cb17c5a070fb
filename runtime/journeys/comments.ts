/** Review comments: threads anchored to a step of a version (or to the whole version), answered and resolved; all audited. */
import { asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { reviewComments, users } from '../db/schema.js';
import { newId, nowIso } from '../db/ids.js';
import { appendAudit } from '../db/audit.js';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError, UnprocessableError } from '../errors.js';
import type { JourneyDocument } from '../../schema/document.js';
import type { SessionUser } from '../people/roles.js';
import { versionRow } from './version-view.js';

type CommentRow = typeof reviewComments.$inferSelect;
type Reader = Pick<Database, 'select'>;

export const MAX_COMMENT_LENGTH = 5000;

async function commentViews(db: Reader, rows: CommentRow[]) {
  const ids = [...new Set(rows.flatMap((r) => [r.authorId, ...(r.resolvedBy ? [r.resolvedBy] : [])]))];
  const names = new Map(
    ids.length
      ? (await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids))).map((u) => [
          u.id,
          u.name,
        ])
      : [],
  );
  const person = (id: string) => ({ id, name: names.get(id) ?? id });
  return rows.map((row) => ({
    id: row.id,
    versionId: row.versionId,
    stepId: row.stepId,
    parentId: row.parentId,
    body: row.body,
    author: person(row.authorId),
    createdAt: row.createdAt,
    ...(row.resolvedAt ? { resolvedAt: row.resolvedAt } : {}),
    ...(row.resolvedBy ? { resolvedBy: person(row.resolvedBy) } : {}),
  }));
}

export type CommentView = Awaited<ReturnType<typeof commentViews>>[number];

export async function listComments(db: Database, versionId: string): Promise<CommentView[]> {
  await versionRow(db, versionId);
  const rows = await db
    .select()
    .from(reviewComments)
    .where(eq(reviewComments.versionId, versionId))
    .orderBy(asc(reviewComments.createdAt), asc(reviewComments.id));
  return commentViews(db, rows);
}

async function commentRow(db: Reader, id: string): Promise<CommentRow> {
  const [row] = await db.select().from(reviewComments).where(eq(reviewComments.id, id));
  if (!row) throw NotFoundError.of('comment', id);
  return row;
}

function checkBody(body: string): string {
  const text = body.trim();
  if (!text) throw new InvalidInputError('empty-comment', '/body: write something.');
  if (text.length > MAX_COMMENT_LENGTH)
    throw new InvalidInputError('comment-too-long', `/body: a comment holds at most ${MAX_COMMENT_LENGTH} characters.`);
  return text;
}

async function insertComment(db: Database, actor: string, row: CommentRow, action: string) {
  await db.transaction(
    async (tx) => {
      await tx.insert(reviewComments).values(row);
      await appendAudit(tx, {
        actor,
        action,
        entityType: 'version',
        entityId: row.versionId,
        data: { commentId: row.id, stepId: row.stepId, parentId: row.parentId, body: row.body },
      });
    },
    { behavior: 'immediate' },
  );
  return (await commentViews(db, [row]))[0];
}

/** Opens a thread on a step of the version, or on the version as a whole when `stepId` is absent. */
export async function addComment(
  db: Database,
  actor: string,
  versionId: string,
  input: { body: string; stepId?: string | null },
) {
  const version = await versionRow(db, versionId);
  const body = checkBody(input.body);
  const stepId = input.stepId ?? null;
  const steps = (version.document as JourneyDocument).steps ?? {};
  if (stepId !== null && !Object.hasOwn(steps, stepId))
    throw new UnprocessableError('unknown-step', `/stepId: version ${version.number} has no step "${stepId}".`);
  const row: CommentRow = {
    id: newId('cmt'),
    versionId,
    stepId,
    parentId: null,
    body,
    authorId: actor,
    createdAt: nowIso(),
    resolvedAt: null,
    resolvedBy: null,
  };
  return insertComment(db, actor, row, 'comment.created');
}

/** Answers a thread; a reply to a reply joins the same thread. */
export async function replyToComment(db: Database, actor: string, commentId: string, input: { body: string }) {
  const target = await commentRow(db, commentId);
  const thread = target.parentId ? await commentRow(db, target.parentId) : target;
  const row: CommentRow = {
    id: newId('cmt'),
    versionId: thread.versionId,
    stepId: thread.stepId,
    parentId: thread.id,
    body: checkBody(input.body),
    authorId: actor,
    createdAt: nowIso(),
    resolvedAt: null,
    resolvedBy: null,
  };
  return insertComment(db, actor, row, 'comment.replied');
}

/** Resolves a thread: the program manager (the author's side) or whoever opened it says it has been dealt with. */
export async function resolveComment(db: Database, user: SessionUser, commentId: string) {
  const target = await commentRow(db, commentId);
  const threadId = target.parentId ?? target.id;
  await db.transaction(
    async (tx) => {
      const thread = await commentRow(tx, threadId);
      if (!user.roles.includes('program-manager') && thread.authorId !== user.id)
        throw new ForbiddenError(
          'not-allowed-to-resolve',
          'A thread is resolved by a program manager or by the person who opened it.',
        );
      if (thread.resolvedAt) throw new ConflictError('already-resolved', 'This thread is already resolved.');
      await tx
        .update(reviewComments)
        .set({ resolvedAt: nowIso(), resolvedBy: user.id })
        .where(eq(reviewComments.id, threadId));
      await appendAudit(tx, {
        actor: user.id,
        action: 'comment.resolved',
        entityType: 'version',
        entityId: thread.versionId,
        data: { commentId: threadId },
      });
    },
    { behavior: 'immediate' },
  );
  return (await commentViews(db, [await commentRow(db, threadId)]))[0];
}
