/** The database tables (drizzle, SQLite dialect for libsql): journeys, versions, people, patients, enrollments, messages, audit. */
import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, uniqueIndex, index, primaryKey } from 'drizzle-orm/sqlite-core';

const createdAt = () =>
  text('created_at')
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`);

export const users = sqliteTable('users', {
  id: text('id').primaryKey(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  /** scrypt hash `scrypt$N$salt$hash`. */
  passwordHash: text('password_hash').notNull(),
  /** JSON array of roles: program-manager, compliance-reviewer, engineer, care-team, admin. */
  roles: text('roles', { mode: 'json' }).$type<string[]>().notNull(),
  /** For compliance reviewers: medical, legal or regulatory; the discipline they sign for. */
  discipline: text('discipline'),
  /** Set when an admin disables the user: no login, and their sessions end. */
  disabledAt: text('disabled_at'),
  createdAt: createdAt(),
});

export const sessions = sqliteTable('sessions', {
  /** SHA-256 of the session token; the token itself lives only in the cookie. */
  id: text('id').primaryKey(),
  userId: text('user_id')
    .notNull()
    .references(() => users.id),
  /** Absolute end of the session. */
  expiresAt: text('expires_at').notNull(),
  /** Last request on the session; an idle session ends after a while. */
  lastSeenAt: text('last_seen_at'),
  createdAt: createdAt(),
});

export const journeys = sqliteTable('journeys', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  /** The working draft; snapshots of it become immutable versions. */
  draft: text('draft', { mode: 'json' }).notNull(),
  /** The disciplines whose approval this journey's versions need; null means the server default (issue 8, review). */
  reviewDisciplines: text('review_disciplines', { mode: 'json' }).$type<string[]>(),
  createdBy: text('created_by').notNull(),
  createdAt: createdAt(),
  updatedAt: text('updated_at').notNull(),
  /** Issue 12 (never lose work): bumped by every draft save, so a save started from an older revision is refused (409). */
  draftRevision: integer('draft_revision').notNull().default(0),
});

export const versions = sqliteTable(
  'versions',
  {
    id: text('id').primaryKey(),
    journeyId: text('journey_id')
      .notNull()
      .references(() => journeys.id),
    number: integer('number').notNull(),
    /** The frozen document; never updated after insert. */
    document: text('document', { mode: 'json' }).notNull(),
    contentHash: text('content_hash').notNull(),
    status: text('status').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
    publishedAt: text('published_at'),
    // Review (issue 8): who made the content, what must sign, and when the lifecycle moved.
    /** The snapshot's creator and everyone who saved the draft since the previous version; none of them may sign it. */
    editors: text('editors', { mode: 'json' }).$type<string[]>().notNull().default([]),
    /** The disciplines that must approve, frozen when the version is submitted. */
    requiredDisciplines: text('required_disciplines', { mode: 'json' }).$type<string[]>(),
    submittedAt: text('submitted_at'),
    submittedBy: text('submitted_by'),
    approvedAt: text('approved_at'),
    supersededAt: text('superseded_at'),
  },
  (t) => [uniqueIndex('versions_journey_number').on(t.journeyId, t.number)],
);

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

export const enrollments = sqliteTable(
  'enrollments',
  {
    id: text('id').primaryKey(),
    journeyId: text('journey_id')
      .notNull()
      .references(() => journeys.id),
    versionId: text('version_id')
      .notNull()
      .references(() => versions.id),
    patientId: text('patient_id')
      .notNull()
      .references(() => patients.id),
    /** Deterministic from journey and patient, and free of PHI. */
    workflowId: text('workflow_id').notNull(),
    status: text('status').notNull(),
    reason: text('reason'),
    startedAt: text('started_at').notNull(),
    endedAt: text('ended_at'),
    // ── Test runs (issue 11: reopen any test patient) ──
    /** The user who enrolled the patient (null for rows from before the column), so the designer can list "my test patients". */
    enrolledBy: text('enrolled_by'),
  },
  (t) => [uniqueIndex('enrollments_workflow').on(t.workflowId), index('enrollments_patient').on(t.patientId)],
);

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

/** Append-only; each row carries the hash of the previous row, so tampering breaks the chain. */
export const auditTrail = sqliteTable('audit_trail', {
  seq: integer('seq').primaryKey({ autoIncrement: true }),
  at: text('at').notNull(),
  actor: text('actor').notNull(),
  action: text('action').notNull(),
  entityType: text('entity_type').notNull(),
  entityId: text('entity_id').notNull(),
  data: text('data', { mode: 'json' }),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
});

/** Human tasks created by journeys (nurse calls): the care team's work queue. */
export const tasks = sqliteTable(
  'tasks',
  {
    id: text('id').primaryKey(),
    enrollmentId: text('enrollment_id')
      .notNull()
      .references(() => enrollments.id),
    /** `(workflow id, step id, visit)`: a retried activity finds the task it already created. */
    key: text('key').notNull().unique(),
    stepId: text('step_id').notNull(),
    queue: text('queue').notNull(),
    title: text('title').notNull(),
    talkingPoints: text('talking_points', { mode: 'json' }).$type<string[]>().notNull(),
    outcomes: text('outcomes', { mode: 'json' }).$type<string[]>().notNull(),
    status: text('status').notNull(),
    outcome: text('outcome'),
    dueAt: text('due_at').notNull(),
    createdAt: createdAt(),
    closedAt: text('closed_at'),
    // ── The care team's work on a task (issue 11: task queue) ──
    /** The step visit the task belongs to; the outcome names it, so the workflow can refuse a stale one. */
    visit: integer('visit'),
    /** Who is working the task now; a claimed task is not offered to the rest of the queue. */
    claimedBy: text('claimed_by'),
    claimedAt: text('claimed_at'),
    /** The user who recorded the outcome, and their note. */
    closedBy: text('closed_by'),
    note: text('note'),
    /** When the deadline passed without an outcome; the task then sits in its escalation queue. */
    escalatedAt: text('escalated_at'),
    // ── Tasks of ended enrollments (issue 11) ──
    /** Why the task was cancelled without an outcome: its enrollment ended (exit reason, opt-out, completion). */
    cancelReason: text('cancel_reason'),
  },
  (t) => [index('tasks_queue_status').on(t.queue, t.status)],
);

/** Completed or stopped assessments, kept as FHIR QuestionnaireResponse resources. */
export const assessmentResponses = sqliteTable('assessment_responses', {
  id: text('id').primaryKey(),
  enrollmentId: text('enrollment_id')
    .notNull()
    .references(() => enrollments.id),
  key: text('key').notNull().unique(),
  stepId: text('step_id').notNull(),
  score: integer('score').notNull(),
  response: text('response', { mode: 'json' }).notNull(),
  createdAt: createdAt(),
});

/** Web-form links for assessments: an unguessable token per (enrollment, step, visit); used once. */
export const formLinks = sqliteTable('form_links', {
  token: text('token').primaryKey(),
  /** `(workflow id, step id, visit)`: a retried send finds the link it already made. */
  key: text('key').notNull().unique(),
  enrollmentId: text('enrollment_id')
    .notNull()
    .references(() => enrollments.id),
  workflowId: text('workflow_id').notNull(),
  stepId: text('step_id').notNull(),
  visit: integer('visit').notNull(),
  expiresAt: text('expires_at').notNull(),
  usedAt: text('used_at'),
  createdAt: createdAt(),
});

// ── Users, logins and the audit trail's signed head (issue 8: people and audit) ──

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

/** Failed-login counters per account and per client address, for throttling and lock-outs. */
export const loginThrottle = sqliteTable('login_throttle', {
  /** `account:<email>` or `address:<client address>`. */
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  firstFailureAt: text('first_failure_at').notNull(),
  lockedUntil: text('locked_until'),
});

// ── Review: draft saves, electronic signatures, comments (issue 8: review lifecycle) ──

/** Every save of a journey's draft: who edited the content that the next version freezes. */
export const draftSaves = sqliteTable(
  'draft_saves',
  {
    id: text('id').primaryKey(),
    journeyId: text('journey_id')
      .notNull()
      .references(() => journeys.id),
    userId: text('user_id').notNull(),
    /** Set when a snapshot freezes the draft: the save's edits belong to that version. */
    versionId: text('version_id').references(() => versions.id),
    savedAt: text('saved_at').notNull(),
  },
  (t) => [index('draft_saves_journey').on(t.journeyId, t.versionId)],
);

/** Electronic signatures (21 CFR Part 11): one per discipline and one per person on a version; never updated. */
export const signatures = sqliteTable(
  'signatures',
  {
    id: text('id').primaryKey(),
    versionId: text('version_id')
      .notNull()
      .references(() => versions.id),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    /** The signer's name as it was when they signed. */
    printedName: text('printed_name').notNull(),
    discipline: text('discipline').notNull(),
    /** approve or reject. */
    decision: text('decision').notNull(),
    meaning: text('meaning').notNull(),
    reason: text('reason'),
    /** The hash recomputed from the stored document at signing time. */
    contentHash: text('content_hash').notNull(),
    signedAt: text('signed_at').notNull(),
  },
  (t) => [
    uniqueIndex('signatures_version_discipline').on(t.versionId, t.discipline),
    uniqueIndex('signatures_version_user').on(t.versionId, t.userId),
  ],
);

/** Review comments on a version, anchored to a step or to the whole version; replies point at their thread. */
export const reviewComments = sqliteTable(
  'review_comments',
  {
    id: text('id').primaryKey(),
    versionId: text('version_id')
      .notNull()
      .references(() => versions.id),
    stepId: text('step_id'),
    parentId: text('parent_id'),
    body: text('body').notNull(),
    authorId: text('author_id')
      .notNull()
      .references(() => users.id),
    createdAt: text('created_at').notNull(),
    resolvedAt: text('resolved_at'),
    resolvedBy: text('resolved_by'),
  },
  (t) => [index('review_comments_version').on(t.versionId)],
);

// ── Channels (issue 10): opt-outs kept on the address, consent per channel and purpose, delivery reports ──

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

// ── Connector instances (issue 10: the Connectors screen; secrets sealed, see runtime/connectors/secret-box.ts) ──

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

// ── Migrating enrolled patients to a later version (issue 11: migrations) ──

/** A program manager's move of a version's waiting patients to a later version of the same journey: the mapping used and who ran it. */
export const enrollmentMigrations = sqliteTable('enrollment_migrations', {
  id: text('id').primaryKey(),
  journeyId: text('journey_id')
    .notNull()
    .references(() => journeys.id),
  fromVersionId: text('from_version_id')
    .notNull()
    .references(() => versions.id),
  toVersionId: text('to_version_id')
    .notNull()
    .references(() => versions.id),
  /** By step of N: the step of M its patients go to, and whether they stay mid-step (the step is unchanged). */
  targets: text('targets', { mode: 'json' }).$type<Record<string, { to: string; keep: boolean }>>().notNull(),
  createdBy: text('created_by').notNull(),
  createdAt: createdAt(),
});

/** One enrollment of a migration: pending, moved or failed with the reason; failed ones are retried on request. */
export const enrollmentMigrationItems = sqliteTable(
  'enrollment_migration_items',
  {
    migrationId: text('migration_id')
      .notNull()
      .references(() => enrollmentMigrations.id),
    enrollmentId: text('enrollment_id')
      .notNull()
      .references(() => enrollments.id),
    status: text('status').notNull(),
    /** The step the patient was found in, and the step of the new version they went to. */
    fromStep: text('from_step'),
    toStep: text('to_step'),
    error: text('error'),
    attempts: integer('attempts').notNull().default(0),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.migrationId, t.enrollmentId] }),
    index('migration_items_status').on(t.migrationId, t.status),
  ],
);
