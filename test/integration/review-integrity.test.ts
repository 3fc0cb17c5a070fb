/** At run time the approval is checked, not assumed: a published version whose stored document was edited in the database never sends. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { OpenedDatabase } from '../../runtime/db/client.js';
import { auditTrail, enrollments, messages, versions } from '../../runtime/db/schema.js';
import { createDevInboxStore } from '../../runtime/db/dev-inbox.js';
import { ensureUser } from '../../runtime/people/users.js';
import { createJourney, snapshotVersion } from '../../runtime/journeys/repository.js';
import { changeVersionStatus } from '../../runtime/journeys/transitions.js';
import { enroll } from '../../runtime/enrollments/enroll.js';
import { startEnrollment } from '../../runtime/temporal/client.js';
import type { enrollmentWorkflow } from '../../runtime/temporal/workflows.js';
import type { JourneyDocument } from '../../schema/document.js';
import { createTimeSkippingEnv } from '../support/temporal.js';
import { approveVersion } from '../support/review.js';
import { startHarness, type Harness } from './harness.js';
import { recordHistory } from './histories.js';
import { firstDoseCheckIn, seedEnrollment, seedPatient, type SeededJourney } from './seed.js';
import { eventually } from '../support/eventually.js';

const taskQueue = 'carepath-review-integrity-test';
let harness: Harness;
let env: TestWorkflowEnvironment;
let database: OpenedDatabase;
let managerId: string;

beforeAll(async () => {
  harness = await startHarness(taskQueue, () => createTimeSkippingEnv());
  ({ env, database } = harness);
  managerId = await ensureUser(database.db, {
    email: 'pm@example.org',
    name: 'Pat Manager',
    password: 'a long enough password',
    roles: ['program-manager'],
  });
}, 300_000);

afterAll(() => harness?.stop(), 60_000);

const temporal = () => ({ client: env.client, taskQueue });

/** A journey taken the whole way through review: snapshot, submit, three approvals, publish. */
async function publishedJourney(name: string): Promise<SeededJourney> {
  const journey = await createJourney(database.db, managerId, name, { ...firstDoseCheckIn, name });
  const version = await snapshotVersion(database.db, managerId, journey.id);
  await approveVersion(database.db, version.id, managerId);
  await changeVersionStatus(database.db, managerId, version.id, 'publish');
  return { journeyId: journey.id, versionId: version.id, document: version.document };
}

/** What someone with database access might do: change the approved welcome text in place. */
async function tamper(versionId: string) {
  const [row] = await database.db.select().from(versions).where(eq(versions.id, versionId));
  const document = structuredClone(row.document) as JourneyDocument & { steps: Record<string, { template?: string }> };
  document.steps.welcome.template = 'Hi {{ patient.firstName }}, stop taking your medication.';
  await database.db.update(versions).set({ document }).where(eq(versions.id, versionId));
}

async function integrityErrors(versionId: string) {
  const rows = await database.db
    .select()
    .from(auditTrail)
    .where(and(eq(auditTrail.action, 'version.integrity-error'), eq(auditTrail.entityId, versionId)));
  return rows.map((row) => row.data as { where: string; reason: string; enrollmentId?: string });
}

describe('the approval is checked at run time', () => {
  it('runs an untouched approved version: the welcome SMS arrives', async () => {
    const journey = await publishedJourney('Untouched check-in');
    const patientId = await seedPatient(database.db, { name: 'Ada Lovelace', phone: '+12025550181' });
    const { enrollment } = await enroll(database.db, temporal, managerId, { versionId: journey.versionId, patientId });
    const inbox = await eventually(async () => {
      const received = await createDevInboxStore(database.db).messagesTo(['+12025550181']);
      return received.length > 0 ? received : undefined;
    }, 'the welcome SMS');
    expect(inbox[0].body).toContain('Hi Ada, welcome to your support program.');
    expect(enrollment.status).toBe('running');
    expect(await integrityErrors(journey.versionId)).toEqual([]);
  });

  it('refuses to enroll into a version edited in the database: 409, audited, no enrollment, nothing sent', async () => {
    const journey = await publishedJourney('Edited check-in');
    await tamper(journey.versionId);
    const patientId = await seedPatient(database.db, { name: 'Grace Hopper', phone: '+12025550182' });

    await expect(
      enroll(database.db, temporal, managerId, { versionId: journey.versionId, patientId }),
    ).rejects.toMatchObject({ kind: 'integrity', code: 'content-hash-mismatch' });

    expect(await integrityErrors(journey.versionId)).toEqual([
      expect.objectContaining({ where: 'enrollment', reason: expect.stringContaining('no longer hashes') }),
    ]);
    expect(await database.db.select().from(enrollments).where(eq(enrollments.patientId, patientId))).toEqual([]);
    expect(await createDevInboxStore(database.db).messagesTo(['+12025550182'])).toEqual([]);
  });

  it('a workflow started on a version edited after enrollment fails at its first activity, audited, and sends nothing', async () => {
    const journey = await publishedJourney('Edited after enrollment');
    const patientId = await seedPatient(database.db, { name: 'Katherine Johnson', phone: '+12025550183' });
    // The enrollment row and the workflow input were made from the approved document; then the stored one changes.
    const input = await seedEnrollment(database.db, journey, patientId);
    await tamper(journey.versionId);

    await startEnrollment(env.client, taskQueue, input);
    const handle = env.client.workflow.getHandle<typeof enrollmentWorkflow>(input.workflowId);
    const state = await handle.result();
    await recordHistory('integrity-refused-at-start', handle);

    expect(state.status).toBe('failed');
    expect(state.reason).toMatch(/integrity error/);
    expect(state.path).toEqual([]);
    const [row] = await database.db.select().from(enrollments).where(eq(enrollments.id, input.enrollmentId));
    expect(row).toMatchObject({ status: 'failed', reason: expect.stringMatching(/integrity error/) });
    expect(await integrityErrors(journey.versionId)).toEqual([
      expect.objectContaining({ where: 'workflow-start', enrollmentId: input.enrollmentId }),
    ]);
    expect(await database.db.select().from(messages).where(eq(messages.enrollmentId, input.enrollmentId))).toEqual([]);
    expect(await createDevInboxStore(database.db).messagesTo(['+12025550183'])).toEqual([]);
  });
});
