/** Opens the libsql database (a local file by default, a libsql server by URL) and brings it to the latest migration. */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient, type Client } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import * as schema from './schema.js';
import { queueWrites } from './write-queue.js';

export type Database = LibSQLDatabase<typeof schema>;

export interface OpenedDatabase {
  db: Database;
  client: Client;
  url: string;
  close(): void;
}

const migrationsFolder = resolve(dirname(fileURLToPath(import.meta.url)), 'migrations');

/** `url` is `file:data/carepath.db`, `:memory:`-like `file::memory:`, or `libsql://…`/`http://…` for a server (token in `authToken`). */
export async function openDatabase(url: string, authToken?: string): Promise<OpenedDatabase> {
  if (url.startsWith('file:') && !url.startsWith('file::memory:')) {
    mkdirSync(dirname(resolve(url.slice('file:'.length))), { recursive: true });
  }
  const local = url.startsWith('file:');
  // On a local file, writes in this process queue (write-queue.ts); the busy timeout, on every pooled connection,
  // rides out short write locks held by another process on the same file (a separate worker).
  const opened = createClient({ url, ...(authToken ? { authToken } : {}), ...(local ? { timeout: 5000 } : {}) });
  const client = local ? queueWrites(opened) : opened;
  // WAL lets the API read while the worker writes.
  if (local) await client.execute('PRAGMA journal_mode = WAL');
  await client.execute('PRAGMA foreign_keys = ON');
  const db = drizzle(client, { schema });
  await migrate(db, { migrationsFolder });
  return { db, client, url, close: () => client.close() };
}
