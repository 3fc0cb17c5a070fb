/** The development channel's inbox in the database: what a patient would have received, shown as their phone in the designer. */
import { asc, eq, inArray } from 'drizzle-orm';
import type { DevInboxStore } from '../../connectors/dev/dev-connector.js';
import type { Database } from './client.js';
import { newId } from './ids.js';
import { devInbox } from './schema.js';

export type DevInboxMessage = typeof devInbox.$inferSelect;

export interface DatabaseDevInbox extends DevInboxStore {
  /** Everything delivered to these addresses (a patient's phone and email), oldest first. */
  messagesTo(addresses: string[]): Promise<DevInboxMessage[]>;
}

export function createDevInboxStore(db: Database): DatabaseDevInbox {
  return {
    async deliver({ address, channel, subject, body, idempotencyKey }) {
      const id = newId('inb');
      await db
        .insert(devInbox)
        .values({ id, address, channel, subject: subject ?? null, body, idempotencyKey: idempotencyKey ?? null })
        .onConflictDoNothing({ target: devInbox.idempotencyKey });
      if (!idempotencyKey) return id;
      // A retried send finds the message the first attempt delivered.
      const [kept] = await db
        .select({ id: devInbox.id })
        .from(devInbox)
        .where(eq(devInbox.idempotencyKey, idempotencyKey));
      return kept.id;
    },
    async messagesTo(addresses) {
      const wanted = addresses.filter((a) => a !== '');
      if (wanted.length === 0) return [];
      return db
        .select()
        .from(devInbox)
        .where(wanted.length === 1 ? eq(devInbox.address, wanted[0]) : inArray(devInbox.address, wanted))
        .orderBy(asc(devInbox.createdAt), asc(devInbox.id));
    },
  };
}
