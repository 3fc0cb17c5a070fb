/** Tasks of an ended enrollment on a real libsql file: which are cancelled for each way an enrollment ends, with the reason, audited. */
import { beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { useApiFixture } from '../people/api-fixture.test-support.js';
import { auditTrail, enrollments, tasks } from '../db/schema.js';
import { nowIso } from '../db/ids.js';
import { seedEnrollment, seedJourney, seedPatient } from '../../test/integration/seed.js';
import { cancelTasksOfEndedEnrollment, cancelTasksOfEndedEnrollments } from './cancel.js';

const f = useApiFixture();
let enrollmentId: string;

/** One task in each state a task can be in while its enrollment runs, plus one already closed. */
beforeEach(async () => {
  const db = f.database.db;
  const journey = await seedJourney(db);
  ({ enrollmentId } = await seedEnrollment(db, journey, await seedPatient(db)));
  const task = {
    enrollmentId,
    queue: 'nurses',
    title: 'Call',
    talkingPoints: [],
    outcomes: ['reached'],
    dueAt: nowIso(),
  };
  await db.insert(tasks).values([
    { ...task, id: `${enrollmentId}-open`, key: `${enrollmentId}:a:1`, stepId: 'a', status: 'open' },
    { ...task, id: `${enrollmentId}-escalated`, key: `${enrollmentId}:b:1`, stepId: 'b', status: 'escalated' },
    {
      ...task,
      id: `${enrollmentId}-closed`,
      key: `${enrollmentId}:c:1`,
      stepId: 'c',
      status: 'closed',
      outcome: 'reached',
    },
  ]);
});

const statuses = async () =>
  Object.fromEntries(
    (
      await f.database.db
        .select({ id: tasks.id, status: tasks.status, reason: tasks.cancelReason })
        .from(tasks)
        .where(eq(tasks.enrollmentId, enrollmentId))
    ).map((t) => [t.id.slice(enrollmentId.length + 1), t.reason ? `${t.status}: ${t.reason}` : t.status]),
  );

describe('cancelTasksOfEndedEnrollment', () => {
  it('cancels open and escalated tasks when the patient leaves the journey, with the exit reason, each audited', async () => {
    const db = f.database.db;
    const count = await cancelTasksOfEndedEnrollment(db, { enrollmentId, status: 'exited', reason: 'STOP' });
    expect(count).toBe(2);
    expect(await statuses()).toEqual({
      open: 'cancelled: The patient left the journey: STOP',
      escalated: 'cancelled: The patient left the journey: STOP',
      closed: 'closed',
    });
    const audited = await db
      .select({ entityId: auditTrail.entityId })
      .from(auditTrail)
      .where(and(eq(auditTrail.action, 'task.cancelled'), eq(auditTrail.actor, 'system')));
    expect(audited.map((a) => a.entityId)).toEqual(
      expect.arrayContaining([`${enrollmentId}-open`, `${enrollmentId}-escalated`]),
    );
  });

  it('leaves an escalated follow-up when the journey completes: it is still owed to the patient', async () => {
    await cancelTasksOfEndedEnrollment(f.database.db, { enrollmentId, status: 'completed' });
    expect(await statuses()).toEqual({
      open: 'cancelled: The journey completed',
      escalated: 'escalated',
      closed: 'closed',
    });
  });

  it('changes nothing the second time, as a retried activity would call it', async () => {
    await cancelTasksOfEndedEnrollment(f.database.db, { enrollmentId, status: 'failed' });
    expect(await cancelTasksOfEndedEnrollment(f.database.db, { enrollmentId, status: 'failed' })).toBe(0);
    expect((await statuses()).open).toBe('cancelled: The journey failed');
  });

  it('at start, cancels the tasks that enrollments ended earlier left open, and leaves running ones alone', async () => {
    const db = f.database.db;
    await db
      .update(enrollments)
      .set({ status: 'exited', reason: 'Moved away', endedAt: nowIso() })
      .where(eq(enrollments.id, enrollmentId));
    expect(await cancelTasksOfEndedEnrollments(db)).toBe(2);
    expect((await statuses()).escalated).toBe('cancelled: The patient left the journey: Moved away');
    const running = await seedEnrollment(db, await seedJourney(db), await seedPatient(db));
    await db.insert(tasks).values({
      id: `${running.enrollmentId}-open`,
      key: `${running.enrollmentId}:a:1`,
      enrollmentId: running.enrollmentId,
      stepId: 'a',
      queue: 'nurses',
      title: 'Call',
      talkingPoints: [],
      outcomes: ['reached'],
      status: 'open',
      dueAt: nowIso(),
    });
    expect(await cancelTasksOfEndedEnrollments(db)).toBe(0);
  });
});
