/** One write at a time per process on a local libsql file, so concurrent requests and activities queue instead of failing with SQLITE_BUSY. */
import type { Client, InArgs, InStatement, Transaction, TransactionMode } from '@libsql/client';
import { Mutex, withTimeout } from 'async-mutex';

/**
 * libsql gives each transaction a connection of its own from a pool. SQLite lets one connection write at a time, and
 * a second writer in the same process fails at once with SQLITE_BUSY: a busy timeout would not help, since it waits
 * by blocking the very thread the first writer needs to finish. So writes are queued here instead: a write
 * transaction holds the queue from BEGIN to commit or rollback, a write statement or batch for its call. Reads pass
 * (WAL lets them run beside a writer). A write that waits longer than `waitLimitMs` fails with a clear error rather
 * than hang, which is also what a write on the outer client inside a transaction's callback gets.
 */
export function queueWrites(client: Client, waitLimitMs = 15_000): Client {
  // First come, first served; a waiter that gives up leaves the queue.
  const queue = withTimeout(
    new Mutex(),
    waitLimitMs,
    new Error(`A database write waited more than ${waitLimitMs / 1000} s for another write in this process to finish.`),
  );
  const serialized = <T>(call: () => Promise<T>) => queue.runExclusive(call);

  const execute = async (stmt: InStatement, args?: InArgs) => {
    const run = () => (typeof stmt === 'string' ? client.execute(stmt, args) : client.execute(stmt));
    return readsOnly(typeof stmt === 'string' ? stmt : stmt.sql) ? run() : serialized(run);
  };

  const batch = (stmts: Parameters<Client['batch']>[0], mode?: TransactionMode) =>
    mode === 'read' ? client.batch(stmts, mode) : serialized(() => client.batch(stmts, mode));

  const transaction = async (mode?: TransactionMode): Promise<Transaction> => {
    if (mode === 'read') return client.transaction(mode);
    const release = await queue.acquire();
    try {
      return heldUntilSettled(await client.transaction(mode), release);
    } catch (error) {
      release();
      throw error;
    }
  };

  return new Proxy(client, {
    get(target, property) {
      if (property === 'execute') return execute;
      if (property === 'batch') return batch;
      if (property === 'transaction') return transaction;
      if (property === 'executeMultiple') return (sql: string) => serialized(() => target.executeMultiple(sql));
      if (property === 'migrate') return (stmts: InStatement[]) => serialized(() => target.migrate(stmts));
      const value: unknown = Reflect.get(target, property);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** A plain read: SELECT or EXPLAIN. Anything else (a CTE may end in a write) is treated as a write. */
function readsOnly(sql: string): boolean {
  return /^\s*(select|explain)\b/i.test(sql);
}

/** The transaction, releasing the queue once it commits, rolls back or is closed (whichever comes first). */
function heldUntilSettled(tx: Transaction, release: () => void): Transaction {
  const settle =
    <A extends unknown[], R>(call: (...args: A) => R) =>
    (...args: A): R => {
      try {
        const result = call(...args);
        if (result instanceof Promise) return result.finally(release) as R;
        release();
        return result;
      } catch (error) {
        release();
        throw error;
      }
    };
  const commit = settle(() => tx.commit());
  const rollback = settle(() => tx.rollback());
  const close = settle(() => tx.close());
  return new Proxy(tx, {
    get(target, property) {
      if (property === 'commit') return commit;
      if (property === 'rollback') return rollback;
      if (property === 'close') return close;
      const value: unknown = Reflect.get(target, property);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
