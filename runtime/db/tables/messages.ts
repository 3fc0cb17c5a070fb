/** Messages both ways, the development channel's inbox, and providers' delivery reports. */
import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns.js';
import { patients } from './patients.js';

export const messages = sqliteTable(
  'messages',
  {
    id: text('id').primaryKey(),
    direction: text('direction').notNull(),
    enrollmentId: text('enrollment_id'),
    patientId: text('patient_id')
      .notNull()
      .references(() => patients.id),
    stepId: text('step_id'),
    channel: text('channel').notNull(),
    connector: text('connector').notNull(),
    /** `(workflow id, step id, visit)` for outbound sends, so a retried activity never sends twice. */
    idempotencyKey: text('idempotency_key').unique(),
    subject: text('subject'),
    body: text('body').notNull(),
    status: text('status').notNull(),
    providerMessageId: text('provider_message_id'),
    error: text('error'),
    /** Channels (issue 10): the step visit an outbound message belongs to, so a late delivery failure reaches that visit. */
    visit: integer('visit'),
    /** Channels (issue 10): the provider's latest delivery report (delivered, undelivered, bounced…), its reason and time. */
    deliveryStatus: text('delivery_status'),
    deliveryError: text('delivery_error'),
    deliveryUpdatedAt: text('delivery_updated_at'),
    createdAt: createdAt(),
  },
  (t) => [
    index('messages_patient').on(t.patientId),
    index('messages_provider_id').on(t.connector, t.providerMessageId),
  ],
);

/** The development channel's phone: what a patient would have received, in a local inbox. */
export const devInbox = sqliteTable(
  'dev_inbox',
  {
    id: text('id').primaryKey(),
    /** Phone number or email address the message was delivered to. */
    address: text('address').notNull(),
    channel: text('channel').notNull(),
    subject: text('subject'),
    body: text('body').notNull(),
    /** Channels (issue 10): the send's idempotency key, so a retried send lands in the inbox once. */
    idempotencyKey: text('idempotency_key').unique(),
    createdAt: createdAt(),
  },
  (t) => [index('dev_inbox_address').on(t.address)],
);

/** Every delivery report a provider sent for a message, in order of arrival. */
export const deliveryEvents = sqliteTable(
  'delivery_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    messageId: text('message_id')
      .notNull()
      .references(() => messages.id),
    status: text('status').notNull(),
    error: text('error'),
    receivedAt: text('received_at').notNull(),
  },
  (t) => [index('delivery_events_message').on(t.messageId)],
);
