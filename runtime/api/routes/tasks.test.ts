/** The task queue through the API, without Temporal: claims, releases and refusals, each with a clear 4xx that changes nothing. */
import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useApiFixture, PASSWORD } from '../../people/api-fixture.test-support.js';
import { ensureUser } from '../../people/users.js';
import { newId, nowIso } from '../../db/ids.js';
import { auditTrail, enrollments, journeys, patients, tasks, versions } from '../../db/schema.js';
import { starterDocument } from '../../../schema/starter.js';

const f = useApiFixture();
let colleague: string;

/** A task of a running enrollment, written straight to the database as the journey's activity would. */
async function seedTask(fields: Partial<typeof tasks.$inferInsert> = {}) {
  const db = f.database.db;
  const [journeyId, versionId, patientId, enrollmentId] = [newId('jrn'), newId('ver'), newId('pat'), newId('enr')];
  const document = starterDocument('Call first');
  await db
    .insert(journeys)
    .values({ id: journeyId, name: 'Call first', draft: document, createdBy: 'usr_t', updatedAt: nowIso() });
  await db.insert(versions).values({
    id: versionId,
    journeyId,
    number: 1,
    document,
    contentHash: 'sha256:test',
    status: 'published',
    createdBy: 'usr_t',
  });
  await db.insert(patients).values({ id: patientId, name: 'Ada Patient', timeZone: 'Etc/UTC', attributes: {} });
  await db.insert(enrollments).values({
    id: enrollmentId,
    journeyId,
    versionId,
    patientId,
    workflowId: `enrollment-${journeyId}-${patientId}`,
    status: 'running',
    startedAt: nowIso(),
  });
  const id = newId('tsk');
  await db.insert(tasks).values({
    id,
    enrollmentId,
    key: `enrollment-${journeyId}-${patientId}:call:1`,
    stepId: 'call',
    visit: 1,
    queue: 'nurses',
    title: 'Welcome call',
    talkingPoints: ['Say hello.'],
    outcomes: ['reached', 'voicemail'],
    status: 'open',
    dueAt: new Date(Date.now() + 3_600_000).toISOString(),
    ...fields,
  });
  return id;
}

beforeAll(async () => {
  colleague = await ensureUser(f.database.db, {
    email: 'colleague@example.org',
    name: 'Cole League',
    password: PASSWORD,
    roles: ['care-team'],
  });
});

describe('claiming and releasing a task', () => {
  it('lets one nurse hold a task; a colleague is told who holds it and cannot release it; the holder can', async () => {
    const id = await seedTask();
    const nurse = await f.login(f.emailOf('care-team'));
    const other = await f.login('colleague@example.org');

    const claimed = await f.call('POST', `/api/tasks/${id}/claim`, { cookie: nurse });
    expect(claimed.status).toBe(200);
    expect(claimed.body.task.claimedBy).toEqual({ id: f.userIds['care-team'], name: 'care-team user' });
    expect((await f.call('POST', `/api/tasks/${id}/claim`, { cookie: nurse })).status).toBe(200);

    const taken = await f.call('POST', `/api/tasks/${id}/claim`, { cookie: other });
    expect(taken.status).toBe(409);
    expect(taken.body.error).toMatchObject({ code: 'task-claimed' });
    expect(taken.body.error.message).toMatch(/^care-team user is working this task/);
    const refused = await f.call('POST', `/api/tasks/${id}/release`, { cookie: other });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain('only they or an admin can release it');

    const released = await f.call('POST', `/api/tasks/${id}/release`, { cookie: nurse });
    expect(released.body.task.claimedBy).toBeNull();
    expect((await f.call('POST', `/api/tasks/${id}/claim`, { cookie: other })).body.task.claimedBy.id).toBe(colleague);

    const admin = await f.login(f.emailOf('admin'));
    expect((await f.call('POST', `/api/tasks/${id}/release`, { cookie: admin })).body.task.claimedBy).toBeNull();

    const trail = await f.database.db.select().from(auditTrail).where(eq(auditTrail.entityId, id));
    expect(trail.map((r) => [r.action, r.actor])).toEqual([
      ['task.claimed', f.userIds['care-team']],
      ['task.released', f.userIds['care-team']],
      ['task.claimed', colleague],
      ['task.released', f.userIds.admin],
    ]);
  });

  it('refuses to claim a closed task, and an unknown one, naming what is wrong', async () => {
    const id = await seedTask({ status: 'closed', outcome: 'reached', closedAt: nowIso() });
    const nurse = await f.login(f.emailOf('care-team'));
    const closed = await f.call('POST', `/api/tasks/${id}/claim`, { cookie: nurse });
    expect(closed.status).toBe(409);
    expect(closed.body.error.message).toMatch(/^This task is closed: outcome "reached" was recorded/);
    const unknown = await f.call('POST', '/api/tasks/tsk_nope/claim', { cookie: nurse });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe('No task with id "tsk_nope".');
  });
});

describe('recording an outcome', () => {
  it('refuses an empty outcome with a 400 naming the field, and answers 503 while Temporal is away; the task stays open', async () => {
    const id = await seedTask();
    const nurse = await f.login(f.emailOf('care-team'));
    const empty = await f.call('POST', `/api/tasks/${id}/complete`, { cookie: nurse, body: { outcome: '' } });
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toMatch(/\/outcome/);
    const away = await f.call('POST', `/api/tasks/${id}/complete`, { cookie: nurse, body: { outcome: 'reached' } });
    expect(away.status).toBe(503);
    const after = await f.call('GET', `/api/tasks/${id}`, { cookie: nurse });
    expect(after.body.task).toMatchObject({ status: 'open', outcome: null, claimedBy: null });
  });

  it('lists the task for a program manager to read, with the queue counted', async () => {
    await seedTask({ queue: 'pharmacists' });
    const manager = await f.login(f.emailOf('program-manager'));
    const listed = await f.call('GET', '/api/tasks?queue=pharmacists', { cookie: manager });
    expect(listed.status).toBe(200);
    expect(listed.body.tasks.every((t: { queue: string }) => t.queue === 'pharmacists')).toBe(true);
    expect(listed.body.queues).toEqual(
      expect.arrayContaining([expect.objectContaining({ queue: 'pharmacists', open: 1, escalated: 0 })]),
    );
  });
});
