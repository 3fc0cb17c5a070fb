/** Opens the libsql database (a local file by default, a libsql server by URL) and brings it to the latest migration. */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient, type Client } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import * as schema from './schema.js';

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
  const client = createClient({ url, ...(authToken ? { authToken } : {}) });
  if (url.startsWith('file:')) {
    // WAL lets the API read while the worker writes; busy_timeout rides out short write locks between them.
    await client.execute('PRAGMA journal_mode = WAL');
    await client.execute('PRAGMA busy_timeout = 5000');
  }
  await client.execute('PRAGMA foreign_keys = ON');
  const db = drizzle(client, { schema });
  await migrate(db, { migrationsFolder });
  return { db, client, url, close: () => client.close() };
}
