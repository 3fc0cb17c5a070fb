/** Connector instances saved on the Connectors screen (secrets sealed, see runtime/connectors/secret-box.ts). */
import { sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** A connector instance an engineer or admin saved on the Connectors screen. */
export const connectorInstances = sqliteTable('connector_instances', {
  /** The id journeys' steps and the webhook URL (`/webhooks/<id>`) name. */
  id: text('id').primaryKey(),
  /** The connector type: twilio-sms, twilio-voice, smtp-email… */
  type: text('type').notNull(),
  name: text('name').notNull(),
  /** The settings that are not secret, as entered. */
  settings: text('settings', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  /** The secret settings, AES-256-GCM sealed with a key outside the database; null when none is set. */
  secrets: text('secrets'),
  /** The id of the key that sealed them, so rows still under a retired key can be found. */
  secretsKeyId: text('secrets_key_id'),
  /** Which secrets are set (names only), so the screen says "set" without opening them. */
  secretFields: text('secret_fields', { mode: 'json' }).$type<string[]>().notNull().default([]),
  createdBy: text('created_by').notNull(),
  createdAt: text('created_at').notNull(),
  updatedBy: text('updated_by').notNull(),
  updatedAt: text('updated_at').notNull(),
});
