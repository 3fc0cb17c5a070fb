/** Concurrent writes in one process on a real libsql file: queued one after another instead of failing with SQLITE_BUSY. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClient, type Client } from '@libsql/client';
import { queueWrites } from './write-queue.js';

let dir: string;
let raw: Client;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'carepath-write-queue-'));
  raw = createClient({ url: `file:${join(dir, 'test.db')}` });
  await raw.execute('PRAGMA journal_mode = WAL');
  await raw.execute('CREATE TABLE replies (n INTEGER NOT NULL)');
});

afterEach(() => {
  raw.close();
  rmSync(dir, { recursive: true, force: true });
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A write transaction that stays open across an await, as a request handler's or an activity's does. */
async function slowInsert(client: Client, n: number) {
  const tx = await client.transaction('write');
  try {
    await tx.execute({ sql: 'INSERT INTO replies (n) VALUES (?)', args: [n] });
    await pause(30);
    await tx.commit();
  } finally {
    tx.close();
  }
}

const stored = async (client: Client) =>
  (await client.execute('SELECT n FROM replies ORDER BY rowid')).rows.map((row) => Number(row.n));

describe('queued writes', () => {
  it('without the queue, a second writer in the process fails with SQLITE_BUSY (why it exists)', async () => {
    const results = await Promise.allSettled([slowInsert(raw, 1), slowInsert(raw, 2)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
    expect(String((results[1] as PromiseRejectedResult).reason)).toContain('SQLITE_BUSY');
  });

  it('keeps every write when transactions, statements and batches arrive together, in the order they came', async () => {
    const client = queueWrites(raw);
    await Promise.all([
      slowInsert(client, 1),
      client.execute({ sql: 'INSERT INTO replies (n) VALUES (?)', args: [2] }),
      slowInsert(client, 3),
      client.batch([{ sql: 'INSERT INTO replies (n) VALUES (?)', args: [4] }]),
      slowInsert(client, 5),
    ]);
    expect(await stored(client)).toEqual([1, 2, 3, 4, 5]);
  });

  it('keeps what the client and a transaction report about themselves (their getters)', async () => {
    const client = queueWrites(raw);
    const tx = await client.transaction('write');
    expect(tx.closed).toBe(false);
    await tx.commit();
    expect(tx.closed).toBe(true);
    expect(client.closed).toBe(false);
  });

  it('lets reads through while a write transaction is open', async () => {
    const client = queueWrites(raw);
    const tx = await client.transaction('write');
    await tx.execute('INSERT INTO replies (n) VALUES (7)');
    // Not yet committed: a reader sees the table as it was, without waiting for the writer.
    expect(await stored(client)).toEqual([]);
    await tx.commit();
    expect(await stored(client)).toEqual([7]);
  });

  it('frees the queue when a transaction rolls back or fails', async () => {
    const client = queueWrites(raw);
    const failing = async () => {
      const tx = await client.transaction('write');
      try {
        await tx.execute('INSERT INTO no_such_table VALUES (1)');
      } finally {
        tx.close();
      }
    };
    await expect(failing()).rejects.toThrow(/no such table/);
    const rolledBack = await client.transaction('write');
    await rolledBack.execute('INSERT INTO replies (n) VALUES (8)');
    await rolledBack.rollback();
    await client.execute('INSERT INTO replies (n) VALUES (9)');
    expect(await stored(client)).toEqual([9]);
  });

  it('fails a write that waits too long with an error that says so, and the queue goes on afterwards', async () => {
    const client = queueWrites(raw, 100);
    const held = await client.transaction('write');
    await expect(client.execute('INSERT INTO replies (n) VALUES (10)')).rejects.toThrow(
      'A database write waited more than 0.1 s for another write in this process to finish.',
    );
    await held.commit();
    await client.execute('INSERT INTO replies (n) VALUES (11)');
    expect(await stored(client)).toEqual([11]);
  });
});
