/** An enrollment's path in-process on a real libsql file, without Temporal: rebuilt from the messages and tasks on record, with step names. */
import { beforeAll, describe, expect, it } from 'vitest';
import { useApiFixture } from '../../people/api-fixture.test-support.js';
import {
  enrollmentMigrationItems,
  enrollmentMigrations,
  enrollments,
  messages,
  patients,
  tasks,
  versions,
} from '../../db/schema.js';
import type { JourneyDocument } from '../../../schema/document.js';
import { seedJourney } from '../../../test/integration/seed.js';

const f = useApiFixture();
let manager: string;

const document = {
  schemaVersion: 2,
  name: 'Welcome call',
  attributes: {},
  settings: { timeZone: { source: 'patient', fallback: 'America/New_York' } },
  start: 'welcome',
  steps: {
    welcome: {
      type: 'message',
      name: 'Welcome text',
      channel: 'sms',
      connector: 'dev',
      template: 'Welcome.',
      outputs: { next: 'call' },
    },
    call: {
      type: 'task',
      name: 'Nurse call',
      queue: 'nurses',
      title: 'Call',
      talkingPoints: [],
      outcomes: [{ id: 'reached' }],
      deadline: 'PT8H',
      outputs: { reached: 'end', escalated: 'end' },
    },
    end: { type: 'end', outputs: {} },
  },
};

/** An outbound SMS of a step's first visit, as the send activity records it. */
const sentSms = (enrollmentId: string, patientId: string, id: string, stepId: string, createdAt: string) => ({
  id,
  patientId,
  enrollmentId,
  channel: 'sms',
  connector: 'dev',
  status: 'sent',
  direction: 'outbound',
  stepId,
  visit: 1,
  body: 'Sent.',
  createdAt,
});

beforeAll(async () => {
  manager = await f.login(f.emailOf('program-manager'));
  const db = f.database.db;
  const { journeyId, versionId } = await seedJourney(db, document as unknown as JourneyDocument);
  await db.insert(patients).values({ id: 'pat_1', name: 'Ada', timeZone: 'UTC', attributes: {} });
  await db.insert(enrollments).values({
    id: 'enr_1',
    journeyId,
    versionId,
    patientId: 'pat_1',
    workflowId: 'wf_1',
    status: 'exited',
    reason: 'moved away',
    startedAt: '2026-01-01T09:00:00.000Z',
    endedAt: '2026-01-02T09:00:00.000Z',
  });
  await db.insert(messages).values([
    sentSms('enr_1', 'pat_1', 'msg_1', 'welcome', '2026-01-01T09:00:01.000Z'),
    // A reply is the patient's, not a step of the journey.
    {
      ...sentSms('enr_1', 'pat_1', 'msg_2', 'welcome', '2026-01-01T09:05:00.000Z'),
      direction: 'inbound',
      visit: null,
      body: 'hi',
    },
  ]);
  await db.insert(tasks).values({
    id: 'tsk_1',
    enrollmentId: 'enr_1',
    key: 'wf_1:call:1',
    stepId: 'call',
    visit: 1,
    queue: 'nurses',
    title: 'Call',
    talkingPoints: [],
    outcomes: ['reached'],
    status: 'cancelled',
    cancelReason: 'The patient left the journey: moved away',
    dueAt: '2026-01-01T17:00:01.000Z',
    createdAt: '2026-01-01T09:00:02.000Z',
  });
});

describe('GET /api/enrollments/{id}/path', () => {
  it('rebuilds the path from the records when Temporal cannot answer: each step once, in order, named, with its time', async () => {
    const answer = await f.call('GET', '/api/enrollments/enr_1/path', { cookie: manager });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body).toMatchObject({ enrollmentId: 'enr_1', status: 'exited', source: 'records' });
    expect(answer.body.steps).toEqual([
      { step: 'welcome', name: 'Welcome text', type: 'message', visit: 1, enteredAt: '2026-01-01T09:00:01.000Z' },
      { step: 'call', name: 'Nurse call', type: 'task', visit: 1, enteredAt: '2026-01-01T09:00:02.000Z' },
    ]);
    expect(answer.body.currentStep).toBeUndefined();
  });

  it('names the steps a migration moved the patient away from by the version they were in then', async () => {
    const db = f.database.db;
    // Version 1 had a reminder step that version 2 dropped; the patient went through it, then moved to version 2.
    const version1 = {
      ...document,
      steps: {
        ...document.steps,
        welcome: { ...document.steps.welcome, outputs: { next: 'reminder' } },
        reminder: {
          type: 'message',
          name: 'Reminder text',
          channel: 'sms',
          connector: 'dev',
          template: 'Remember your call.',
          outputs: { next: 'call' },
        },
      },
    };
    const v1 = await seedJourney(db, version1 as unknown as JourneyDocument);
    const v2 = 'ver_path_2';
    await db.insert(versions).values({
      id: v2,
      journeyId: v1.journeyId,
      number: 2,
      document,
      contentHash: 'not-checked-here',
      status: 'published',
      createdBy: 'usr_test',
    });
    await db.insert(patients).values({ id: 'pat_2', name: 'Grace', timeZone: 'UTC', attributes: {} });
    await db.insert(enrollments).values({
      id: 'enr_2',
      journeyId: v1.journeyId,
      versionId: v2,
      patientId: 'pat_2',
      workflowId: 'wf_2',
      status: 'running',
      startedAt: '2026-01-01T09:00:00.000Z',
    });
    await db.insert(enrollmentMigrations).values({
      id: 'mig_path',
      journeyId: v1.journeyId,
      fromVersionId: v1.versionId,
      toVersionId: v2,
      targets: { reminder: { to: 'call', keep: false } },
      createdBy: 'usr_test',
    });
    await db.insert(enrollmentMigrationItems).values({
      migrationId: 'mig_path',
      enrollmentId: 'enr_2',
      status: 'moved',
      fromStep: 'reminder',
      toStep: 'call',
      updatedAt: '2026-01-01T10:00:00.000Z',
    });
    await db
      .insert(messages)
      .values([
        sentSms('enr_2', 'pat_2', 'msg_21', 'welcome', '2026-01-01T09:00:01.000Z'),
        sentSms('enr_2', 'pat_2', 'msg_22', 'reminder', '2026-01-01T09:30:00.000Z'),
      ]);

    const answer = await f.call('GET', '/api/enrollments/enr_2/path', { cookie: manager });
    expect(answer.status, answer.text).toBe(200);
    expect(
      answer.body.steps.map((s: { step: string; name: string; type: string }) => [s.step, s.name, s.type]),
    ).toEqual([
      ['welcome', 'Welcome text', 'message'],
      ['reminder', 'Reminder text', 'message'],
    ]);
  });

  it('answers 404 for an unknown enrollment and 403 to a reviewer', async () => {
    expect((await f.call('GET', '/api/enrollments/enr_nope/path', { cookie: manager })).status).toBe(404);
    const reviewer = await f.login(f.emailOf('compliance-reviewer'));
    expect((await f.call('GET', '/api/enrollments/enr_1/path', { cookie: reviewer })).status).toBe(403);
  });
});
