/** Columns several tables share. */
import { sql } from 'drizzle-orm';
import { text } from 'drizzle-orm/sqlite-core';

/** When the row was written, as an ISO-8601 UTC text, filled in by SQLite. */
export const createdAt = () =>
  text('created_at')
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`);
