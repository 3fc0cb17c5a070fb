/** What patients and the care team do inside a journey: nurse tasks, assessment responses, web-form links. */
import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns.js';
import { enrollments } from './enrollments.js';

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
