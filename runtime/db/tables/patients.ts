/** Patients, the addresses that opted out, and consent per channel and purpose. */
import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns.js';

export const patients = sqliteTable('patients', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  phone: text('phone'),
  email: text('email'),
  timeZone: text('time_zone').notNull(),
  attributes: text('attributes', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  /** Channels the patient opted out of (STOP on SMS); no message goes out on them until they opt back in. */
  optedOutChannels: text('opted_out_channels', { mode: 'json' }).$type<string[]>().notNull().default([]),
  /** A test patient (enrolled from the designer's test run): only they may be answered for on the development channel. */
  test: integer('test', { mode: 'boolean' }).notNull().default(false),
  /** Channels (issue 10): why the phone number stopped working (undelivered SMS, failed call) and when; cleared when corrected. */
  phoneProblem: text('phone_problem'),
  phoneProblemAt: text('phone_problem_at'),
  /** Channels (issue 10): why the email address stopped working (bounce, rejection) and when; cleared when corrected. */
  emailProblem: text('email_problem'),
  emailProblemAt: text('email_problem_at'),
  createdAt: createdAt(),
});

/** An address (E.164 phone number or lower-cased email) that opted out; no message goes to it, whichever patient it is on. */
export const addressOptOuts = sqliteTable('address_opt_outs', {
  address: text('address').primaryKey(),
  /** phone or email. */
  kind: text('kind').notNull(),
  /** The word the patient sent (STOP, UNSUBSCRIBE…) or `one-click` for an email unsubscribe link. */
  keyword: text('keyword').notNull(),
  connector: text('connector').notNull(),
  optedOutAt: text('opted_out_at').notNull(),
});

/** Consent per patient, channel and purpose, with where it came from; the newest row for a triple is the one in force. */
export const consents = sqliteTable(
  'consents',
  {
    id: text('id').primaryKey(),
    patientId: text('patient_id')
      .notNull()
      .references(() => patients.id),
    channel: text('channel').notNull(),
    purpose: text('purpose').notNull(),
    /** granted or revoked. */
    status: text('status').notNull(),
    /** How it was given: enrollment form, paper, call recording, patient portal… */
    source: text('source').notNull(),
    /** A reference to the evidence (a document id, a recording, the form's text version). */
    evidence: text('evidence'),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: text('recorded_at').notNull(),
  },
  (t) => [index('consents_patient').on(t.patientId, t.channel, t.purpose)],
);
