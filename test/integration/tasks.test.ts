/** The nurse task queue on a real Temporal dev server and a real libsql file: the outcome reaches the journey as a Workflow Update. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { OpenedDatabase } from '../../runtime/db/client.js';
import { auditTrail } from '../../runtime/db/schema.js';
import { enrollmentState, recordTaskOutcome, startEnrollment } from '../../runtime/temporal/client.js';
import { createLocalEnv } from '../support/temporal.js';
import { createDevInboxStore } from '../../runtime/db/dev-inbox.js';
import { startHarness, type Harness } from './harness.js';
import { harnessApi, type HarnessApi } from './harness-api.js';
import { seedEnrollment, seedJourney, seedPatient, type SeededJourney } from './seed.js';
import { eventually } from '../support/eventually.js';
import { nurseCallJourney } from '../support/nurse-call-journey.js';

const taskQueue = 'carepath-tasks-test';
let harness: Harness;
let env: TestWorkflowEnvironment;
let database: OpenedDatabase;
let call: HarnessApi['call'];
let loginAs: HarnessApi['loginAs'];
let phones = 0;

async function enrollNewPatient(journey: SeededJourney) {
  phones += 1;
  // 202-555-01xx: numbers set aside for fiction that still pass phone-number validation.
  const phone = `+120255501${String(10 + phones)}`;
  const patientId = await seedPatient(database.db, { name: `Pat Ient ${phones}`, phone });
  const input = await seedEnrollment(database.db, journey, patientId);
  await startEnrollment(env.client, taskQueue, input);
  return { ...input, patientId, phone };
}

/** The task the queue shows for this enrollment, once the workflow has created it. */
async function taskOf(enrollmentId: string, list: 'tasks' | 'escalated' = 'tasks') {
  return eventually(async () => {
    const { body } = await call('GET', '/api/tasks');
    return (body[list] as { enrollmentId: string; id: string }[]).find((t) => t.enrollmentId === enrollmentId);
  }, `a task in ${list} for ${enrollmentId}`);
}

beforeAll(async () => {
  harness = await startHarness(taskQueue, () => createLocalEnv());
  ({ env, database } = harness);
  const http = harnessApi(harness);
  ({ call, loginAs } = http);
  for (const [email, name, role] of [
    ['nurse@example.org', 'Nora Nurse', 'care-team'],
    ['lead@example.org', 'Lee Lead', 'care-team'],
    ['pm@example.org', 'Pat Manager', 'program-manager'],
  ] as const)
    await http.addUser(email, name, role);
}, 300_000);

afterAll(() => harness?.stop(), 60_000);

describe('the task queue', () => {
  it('lists a new task with its patient, journey, step and time left; a program manager reads but cannot claim', async () => {
    const journey = await seedJourney(database.db, nurseCallJourney({ deadline: 'PT8H' }));
    const enrollment = await enrollNewPatient(journey);
    await loginAs('pm@example.org');
    const listed = await taskOf(enrollment.enrollmentId);
    expect(listed).toMatchObject({
      queue: 'nurses',
      title: 'Welcome call',
      stepId: 'nurse-call',
      visit: 1,
      status: 'open',
      escalated: false,
      patient: { id: enrollment.patientId, name: 'Pat Ient 1' },
      journey: { id: journey.journeyId, name: 'Nurse call first' },
      outcomes: [
        { id: 'reached', label: 'Reached' },
        { id: 'voicemail', label: 'Left voicemail' },
      ],
      claimedBy: null,
    });
    const { secondsLeft } = listed as unknown as { secondsLeft: number };
    expect(secondsLeft).toBeGreaterThan(7 * 3600);
    expect(secondsLeft).toBeLessThanOrEqual(8 * 3600);
    const refused = await call('POST', `/api/tasks/${listed.id}/claim`);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain('care-team');
  });

  it('records "reached" through the Workflow Update: the journey goes down that branch at once and the patient gets the next SMS', async () => {
    const journey = await seedJourney(database.db, nurseCallJourney({ deadline: 'PT8H' }));
    const enrollment = await enrollNewPatient(journey);
    await loginAs('nurse@example.org');
    const { id } = await taskOf(enrollment.enrollmentId);

    const claimed = await call('POST', `/api/tasks/${id}/claim`);
    expect(claimed.status).toBe(200);
    expect(claimed.body.task.claimedBy.name).toBe('Nora Nurse');

    await loginAs('lead@example.org');
    const taken = await call('POST', `/api/tasks/${id}/complete`, { outcome: 'reached' });
    expect(taken.status).toBe(409);
    expect(taken.body.error.message).toContain('Nora Nurse is working this task');

    await loginAs('nurse@example.org');
    const detail = await call('GET', `/api/tasks/${id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.task.talkingPoints).toEqual([
      'Introduce yourself as their nurse.',
      'Ask how they feel about the first injection.',
    ]);
    expect(detail.body.context.patient).toMatchObject({ id: enrollment.patientId, phone: enrollment.phone });

    const done = await call('POST', `/api/tasks/${id}/complete`, {
      outcome: 'reached',
      note: 'Talked through the first injection.',
    });
    expect(done.status).toBe(200);
    expect(done.body.journey.output).toBe('reached');
    expect(done.body.task).toMatchObject({
      status: 'closed',
      outcome: 'reached',
      note: 'Talked through the first injection.',
      closedBy: { name: 'Nora Nurse' },
    });

    const inbox = createDevInboxStore(database.db);
    const delivered = await eventually(async () => {
      const messages = await inbox.messagesTo([enrollment.phone]);
      return messages.length > 0 ? messages : undefined;
    }, 'the thank-you SMS');
    expect(delivered.map((m) => m.body)).toEqual(['Thanks for talking with your nurse today.']);
    const state = await eventually(async () => {
      const s = await enrollmentState(env.client, enrollment.workflowId);
      return s?.status === 'completed' ? s : undefined;
    }, 'the journey to complete');
    expect(state.path.map((p) => `${p.step}:${p.output ?? ''}`)).toEqual([
      'nurse-call:reached',
      'thanks:next',
      'end-reached:',
    ]);

    const audited = await database.db
      .select({ action: auditTrail.action, actor: auditTrail.actor })
      .from(auditTrail)
      .where(and(eq(auditTrail.entityType, 'task'), eq(auditTrail.entityId, id)));
    expect(audited.map((a) => a.action)).toEqual(
      expect.arrayContaining(['task.created', 'task.claimed', 'task.completed']),
    );

    // The task is closed: a second outcome is refused with a 409 that says so, and nothing changes.
    const again = await call('POST', `/api/tasks/${id}/complete`, { outcome: 'voicemail' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('task-closed');
    expect(again.body.error.message).toContain('This task is closed: outcome "reached"');
    expect((await call('GET', `/api/tasks/${id}`)).body.task.outcome).toBe('reached');
  });

  it('refuses an outcome the step does not have with a 422 that lists the ones it has', async () => {
    const journey = await seedJourney(database.db, nurseCallJourney({ deadline: 'PT8H' }));
    const enrollment = await enrollNewPatient(journey);
    await loginAs('nurse@example.org');
    const { id } = await taskOf(enrollment.enrollmentId);
    const refused = await call('POST', `/api/tasks/${id}/complete`, { outcome: 'maybe' });
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toBe(
      '"maybe" is not an outcome of this task; choose one of: reached, voicemail.',
    );
    expect((await call('GET', `/api/tasks/${id}`)).body.task.status).toBe('open');
  });

  it("has the workflow's validator refuse an outcome for a visit it is not waiting for", async () => {
    const journey = await seedJourney(database.db, nurseCallJourney({ deadline: 'PT8H' }));
    const enrollment = await enrollNewPatient(journey);
    await loginAs('nurse@example.org');
    await taskOf(enrollment.enrollmentId);
    const stale = recordTaskOutcome(env.client, enrollment.workflowId, {
      step: 'nurse-call',
      visit: 2,
      outcome: 'reached',
    });
    await expect(stale).rejects.toBeInstanceOf(WorkflowUpdateFailedError);
    await expect(stale).rejects.toMatchObject({
      cause: {
        message: 'The journey is no longer waiting for task "nurse-call" (visit 2); the task is no longer open.',
      },
    });
    const state = await enrollmentState(env.client, enrollment.workflowId);
    expect(state?.phase).toMatchObject({ kind: 'awaiting-task', step: 'nurse-call', visit: 1 });
  });

  it('moves a task past its deadline to its escalation queue, apart; a follow-up there is recorded without the journey', async () => {
    const journey = await seedJourney(
      database.db,
      nurseCallJourney({ deadline: 'PT2S', escalationQueue: 'nurse-leads' }),
    );
    const enrollment = await enrollNewPatient(journey);
    await loginAs('lead@example.org');
    const escalated = await taskOf(enrollment.enrollmentId, 'escalated');
    const moved = await eventually(async () => {
      const { body } = await call('GET', '/api/tasks?queue=nurse-leads');
      return (body.escalated as { id: string; status: string; queue: string }[]).find(
        (t) => t.id === escalated.id && t.status === 'escalated',
      );
    }, 'the task to move to nurse-leads');
    expect(moved.queue).toBe('nurse-leads');
    const state = await eventually(async () => {
      const s = await enrollmentState(env.client, enrollment.workflowId);
      return s?.status === 'completed' ? s : undefined;
    }, 'the journey to take its escalated path');
    expect(state.path[0]).toMatchObject({ step: 'nurse-call', output: 'escalated' });

    const followUp = await call('POST', `/api/tasks/${escalated.id}/complete`, {
      outcome: 'reached',
      note: 'Called back the next morning.',
    });
    expect(followUp.status).toBe(200);
    expect(followUp.body.journey).toBeNull();
    expect(followUp.body.task).toMatchObject({ status: 'closed', outcome: 'reached', closedBy: { name: 'Lee Lead' } });
  });
});

describe('tasks of an ended enrollment', () => {
  it('cancels the open task with the exit reason: it leaves the queue, is audited, and refuses an outcome', async () => {
    const journey = await seedJourney(database.db, nurseCallJourney({ deadline: 'PT8H' }));
    const enrollment = await enrollNewPatient(journey);
    await loginAs('nurse@example.org');
    const { id } = await taskOf(enrollment.enrollmentId);
    expect((await call('POST', `/api/tasks/${id}/claim`)).status).toBe(200);

    const ended = await call('POST', `/api/enrollments/${enrollment.enrollmentId}/exit`, {
      reason: 'Therapy discontinued by the prescriber',
    });
    expect(ended.status).toBe(200);
    const cancelled = await eventually(async () => {
      const { body } = await call('GET', `/api/tasks/${id}`);
      return body.task.status === 'cancelled' ? body.task : undefined;
    }, 'the task to be cancelled');
    expect(cancelled).toMatchObject({
      cancelReason: 'The patient left the journey: Therapy discontinued by the prescriber',
      outcome: null,
      claimedBy: { name: 'Nora Nurse' },
    });

    const { body: queue } = await call('GET', '/api/tasks');
    expect([...queue.tasks, ...queue.escalated].map((t: { id: string }) => t.id)).not.toContain(id);
    expect(queue.queues.find((q: { queue: string }) => q.queue === 'nurses')?.open ?? 0).toBe(
      queue.tasks.filter((t: { queue: string }) => t.queue === 'nurses').length,
    );

    const refused = await call('POST', `/api/tasks/${id}/complete`, { outcome: 'reached' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('task-cancelled');
    expect(refused.body.error.message).toContain('Therapy discontinued by the prescriber');

    const audited = await database.db
      .select({ action: auditTrail.action, actor: auditTrail.actor, data: auditTrail.data })
      .from(auditTrail)
      .where(and(eq(auditTrail.entityType, 'task'), eq(auditTrail.entityId, id)));
    expect(audited.find((a) => a.action === 'task.cancelled')).toMatchObject({
      actor: 'system',
      data: { enrollmentId: enrollment.enrollmentId, enrollmentStatus: 'exited' },
    });

    // The patient's record shows the task cancelled with its reason, for whoever looks them up later.
    const record = await call('GET', `/api/patients/${enrollment.patientId}`);
    expect(record.body.tasks).toEqual([
      expect.objectContaining({ id, status: 'cancelled', cancelReason: cancelled.cancelReason }),
    ]);
  });
});
