/** The append-only audit trail and its signed head. */
import { index, sqliteTable, text, integer } from 'drizzle-orm/sqlite-core';

/** Append-only; each row carries the hash of the previous row, so tampering breaks the chain. */
export const auditTrail = sqliteTable(
  'audit_trail',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    data: text('data', { mode: 'json' }),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  // Who did what lately (limits counted from the trail, such as test messages) without reading the whole trail.
  (t) => [index('audit_trail_action_actor_at').on(t.action, t.actor, t.at)],
);

/**
 * The audit trail's signed head: the last row's seq and hash, MAC'd with the audit key, updated in the
 * same transaction as every append, so deleting the newest rows is detected. One row (id 1).
 */
export const auditHead = sqliteTable('audit_head', {
  id: integer('id').primaryKey(),
  seq: integer('seq').notNull(),
  hash: text('hash').notNull(),
  /** Rows up to this seq were written with the old unkeyed scheme, before the keyed chain existed. */
  legacyUntil: integer('legacy_until').notNull(),
  /** Set when an append found the head missing under keyed rows: the trail cannot be vouched for before it. */
  lostBefore: integer('lost_before'),
  mac: text('mac').notNull(),
});
