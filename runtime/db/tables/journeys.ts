/** Journeys, their immutable versions, draft saves, and the review of a version: signatures and comments. */
import { sqliteTable, text, integer, uniqueIndex, index } from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns.js';
import { users } from './people.js';

export const journeys = sqliteTable('journeys', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  /** The working draft; snapshots of it become immutable versions. */
  draft: text('draft', { mode: 'json' }).notNull(),
  /** The disciplines whose approval this journey's versions need; null means the server default (issue 8, review). */
  reviewDisciplines: text('review_disciplines', { mode: 'json' }).$type<string[]>(),
  createdBy: text('created_by').notNull(),
  createdAt: createdAt(),
  updatedAt: text('updated_at').notNull(),
  /** Issue 12 (never lose work): bumped by every draft save, so a save started from an older revision is refused (409). */
  draftRevision: integer('draft_revision').notNull().default(0),
});

export const versions = sqliteTable(
  'versions',
  {
    id: text('id').primaryKey(),
    journeyId: text('journey_id')
      .notNull()
      .references(() => journeys.id),
    number: integer('number').notNull(),
    /** The frozen document; never updated after insert. */
    document: text('document', { mode: 'json' }).notNull(),
    contentHash: text('content_hash').notNull(),
    status: text('status').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
    publishedAt: text('published_at'),
    // Review (issue 8): who made the content, what must sign, and when the lifecycle moved.
    /** The snapshot's creator and everyone who saved the draft since the previous version; none of them may sign it. */
    editors: text('editors', { mode: 'json' }).$type<string[]>().notNull().default([]),
    /** The disciplines that must approve, frozen when the version is submitted. */
    requiredDisciplines: text('required_disciplines', { mode: 'json' }).$type<string[]>(),
    submittedAt: text('submitted_at'),
    submittedBy: text('submitted_by'),
    approvedAt: text('approved_at'),
    supersededAt: text('superseded_at'),
  },
  (t) => [uniqueIndex('versions_journey_number').on(t.journeyId, t.number)],
);

/** Every save of a journey's draft: who edited the content that the next version freezes. */
export const draftSaves = sqliteTable(
  'draft_saves',
  {
    id: text('id').primaryKey(),
    journeyId: text('journey_id')
      .notNull()
      .references(() => journeys.id),
    userId: text('user_id').notNull(),
    /** Set when a snapshot freezes the draft: the save's edits belong to that version. */
    versionId: text('version_id').references(() => versions.id),
    savedAt: text('saved_at').notNull(),
  },
  (t) => [index('draft_saves_journey').on(t.journeyId, t.versionId)],
);

/** Electronic signatures (21 CFR Part 11): one per discipline and one per person on a version; never updated. */
export const signatures = sqliteTable(
  'signatures',
  {
    id: text('id').primaryKey(),
    versionId: text('version_id')
      .notNull()
      .references(() => versions.id),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    /** The signer's name as it was when they signed. */
    printedName: text('printed_name').notNull(),
    discipline: text('discipline').notNull(),
    /** approve or reject. */
    decision: text('decision').notNull(),
    meaning: text('meaning').notNull(),
    reason: text('reason'),
    /** The hash recomputed from the stored document at signing time. */
    contentHash: text('content_hash').notNull(),
    signedAt: text('signed_at').notNull(),
  },
  (t) => [
    uniqueIndex('signatures_version_discipline').on(t.versionId, t.discipline),
    uniqueIndex('signatures_version_user').on(t.versionId, t.userId),
  ],
);

/** Review comments on a version, anchored to a step or to the whole version; replies point at their thread. */
export const reviewComments = sqliteTable(
  'review_comments',
  {
    id: text('id').primaryKey(),
    versionId: text('version_id')
      .notNull()
      .references(() => versions.id),
    stepId: text('step_id'),
    parentId: text('parent_id'),
    body: text('body').notNull(),
    authorId: text('author_id')
      .notNull()
      .references(() => users.id),
    createdAt: text('created_at').notNull(),
    resolvedAt: text('resolved_at'),
    resolvedBy: text('resolved_by'),
  },
  (t) => [index('review_comments_version').on(t.versionId)],
);
