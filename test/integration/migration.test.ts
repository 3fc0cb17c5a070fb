/** Migrating enrolled patients from version 1 to version 2 on a real Temporal dev server and a real libsql file: dry run, moves at a safe point, v2's messages next, replay of a migrated history. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { and, eq } from 'drizzle-orm';
import { WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { JourneyDocument } from '../../schema/document.js';
import { contentHash } from '../../schema/canonical.js';
import type { OpenedDatabase } from '../../runtime/db/client.js';
import { createDevInboxStore } from '../../runtime/db/dev-inbox.js';
import { newId } from '../../runtime/db/ids.js';
import { auditTrail, enrollmentMigrationItems, messages, versions } from '../../runtime/db/schema.js';
import { receiveInbound } from '../../runtime/enrollments/inbound.js';
import { migrationSettled } from '../../runtime/migrations/run.js';
import { prepareDefinition } from '../../runtime/engine/definition.js';
import { startEnrollment, enrollmentState } from '../../runtime/temporal/client.js';
import { migrateUpdate } from '../../runtime/temporal/migrate-update.js';
import { currentStepKey, liveCountSearchAttributes, versionIdKey } from '../../runtime/temporal/search-attributes.js';
import { enrollmentWorkflowBundle } from '../../runtime/temporal/workflow-bundle.js';
import { createLocalEnv } from '../support/temporal.js';
import { testDataConverter } from '../support/payload-keys.js';
import { recordHistory } from './histories.js';
import { runInput } from './run-input.js';
import { startHarness, type Harness } from './harness.js';
import { harnessApi, type HarnessApi } from './harness-api.js';
import { enrollmentRow, seedEnrollment, seedJourney, seedPatient, type SeededJourney } from './seed.js';
import { eventually } from '../support/eventually.js';

const taskQueue = 'carepath-migration-test';
let harness: Harness;
let env: TestWorkflowEnvironment;
let client: Client;
let database: OpenedDatabase;
let call: HarnessApi['call'];
let phones = 0;

const anxiety = JSON.parse(
  readFileSync(new URL('../../examples/questionnaires/injection-anxiety.json', import.meta.url), 'utf8'),
);

/** Version 1: a yes/no question, then a two-day wait and a check-in; a patient replying 2 takes an SMS assessment. */
function version1(): JourneyDocument {
  return {
    schemaVersion: 2,
    name: 'First dose',
    attributes: {},
    settings: { timeZone: { source: 'patient', fallback: 'America/New_York' }, consentPurpose: 'adherence-support' },
    start: 'ask',
    steps: {
      ask: {
        type: 'message',
        channel: 'sms',
        connector: 'dev',
        template: 'Did your first dose go well? Reply 1 for yes, 2 for no.',
        await: {
          classes: [
            { id: 'yes', label: 'Yes', match: ['1'] },
            { id: 'no', label: 'No', match: ['2'] },
          ],
          timeout: 'P1D',
        },
        outputs: { yes: 'wait', no: 'anxiety', timeout: 'end' },
      },
      wait: { type: 'wait', wait: { kind: 'duration', duration: 'P2D' }, outputs: { next: 'check-in' } },
      'check-in': {
        type: 'message',
        channel: 'sms',
        connector: 'dev',
        template: 'v1 check-in.',
        outputs: { next: 'end' },
      },
      anxiety: {
        type: 'assessment',
        questionnaire: anxiety,
        delivery: 'sms',
        channel: 'sms',
        connector: 'dev',
        intro: 'Three quick questions; reply with the number of your answer.',
        timeout: 'P3D',
        outputs: { completed: 'end', timeout: 'end', declined: 'end' },
      },
      end: { type: 'end', outputs: {} },
    },
  } as unknown as JourneyDocument;
}

/** Version 2: the question is unchanged but a yes now thanks the patient; the two-day wait is replaced by a nurse-friendly check-in question. */
function version2(): JourneyDocument {
  const doc = version1() as unknown as { steps: Record<string, Record<string, unknown>> };
  doc.steps.ask.outputs = { yes: 'thanks', no: 'anxiety', timeout: 'end' };
  doc.steps.thanks = {
    type: 'message',
    channel: 'sms',
    connector: 'dev',
    template: 'v2: Thanks for letting us know!',
    outputs: { next: 'end' },
  };
  delete doc.steps.wait;
  delete doc.steps['check-in'];
  doc.steps.checkin = {
    type: 'message',
    channel: 'sms',
    connector: 'dev',
    template: 'v2: How are you getting on? Reply 1 if all is well.',
    await: { classes: [{ id: 'well', label: 'Well', match: ['1'] }], timeout: 'P2D' },
    outputs: { well: 'end', timeout: 'end' },
  };
  return doc as unknown as JourneyDocument;
}

async function addVersion(journey: SeededJourney, document: JourneyDocument, number: number) {
  const id = newId('ver');
  await database.db.insert(versions).values({
    id,
    journeyId: journey.journeyId,
    number,
    document,
    contentHash: await contentHash(document),
    status: 'approved',
    createdBy: 'usr_test',
  });
  return id;
}

async function enroll(journey: SeededJourney, historyLimit?: number) {
  phones += 1;
  const phone = `+120255502${String(10 + phones)}`;
  const patientId = await seedPatient(database.db, { name: `Pat ${phones}`, phone });
  const input = await seedEnrollment(database.db, journey, patientId);
  await startEnrollment(client, taskQueue, {
    ...input,
    definition: prepareDefinition(input.definition),
    publishStep: true,
    ...(historyLimit ? { historyLimit } : {}),
  });
  return { ...input, patientId, phone };
}

const inbox = async (phone: string) => (await createDevInboxStore(database.db).messagesTo([phone])).map((m) => m.body);

async function reply(phone: string, body: string) {
  const outcome = await receiveInbound({ db: database.db, temporal: () => ({ client, taskQueue }) }, 'dev', {
    channel: 'sms',
    from: phone,
    body,
  });
  expect(outcome, `reply "${body}" from ${phone}`).not.toBe('unrouted');
}

const stepOf = async (workflowId: string) => (await enrollmentState(client, workflowId))?.phase;

beforeAll(async () => {
  harness = await startHarness(taskQueue, () =>
    createLocalEnv({ server: { searchAttributes: liveCountSearchAttributes } }),
  );
  ({ env, database } = harness);
  client = env.client;
  const api = harnessApi(harness, { publishLiveCounts: true });
  await api.addUser('pm@example.org', 'Pat Manager', 'program-manager');
  await api.loginAs('pm@example.org');
  call = api.call;
}, 300_000);

afterAll(() => harness?.stop(), 60_000);

describe('moving patients from version 1 to version 2', () => {
  let journey: SeededJourney;
  let v2: string;
  let atQuestion: Awaited<ReturnType<typeof enroll>>;
  let atWait: Awaited<ReturnType<typeof enroll>>;
  /** Also at the wait, with a history limit so low that its runs hand over after every event, the move included. */
  let handsOver: Awaited<ReturnType<typeof enroll>>;
  let midAssessment: Awaited<ReturnType<typeof enroll>>;
  let migrationId: string;

  beforeAll(async () => {
    journey = await seedJourney(database.db, version1());
    v2 = await addVersion(journey, version2(), 2);
    atQuestion = await enroll(journey);
    atWait = await enroll(journey);
    handsOver = await enroll(journey, 5);
    midAssessment = await enroll(journey);
    for (const p of [atQuestion, atWait, handsOver, midAssessment])
      await eventually(async () => (await stepOf(p.workflowId))?.kind === 'awaiting-reply', 'the first question');
    await reply(atWait.phone, '1');
    await reply(handsOver.phone, '1');
    await reply(midAssessment.phone, '2');
    await eventually(async () => {
      const phase = await stepOf(midAssessment.workflowId);
      return phase?.kind === 'assessing' && phase.question !== undefined;
    }, 'the first assessment question');
    await reply(midAssessment.phone, '1');
    await eventually(
      async () => Object.keys((await enrollmentState(client, midAssessment.workflowId))?.answers ?? {}).length === 1,
      'one answer given',
    );
    // Visibility trails the workflows by a moment.
    await eventually(async () => {
      const dry = await call('POST', `/api/versions/${v2}/migrations/dry-run`, { fromVersionId: journey.versionId });
      const steps = [
        ...dry.body.byTarget.flatMap((t: { from: string; patients: number }) => Array(t.patients).fill(t.from)),
        ...dry.body.cannotMove.map((c: { step?: string }) => c.step),
      ];
      return steps.sort().join() === 'anxiety,ask,wait,wait';
    }, 'visibility to show each patient at their step');
  }, 120_000);

  it('the dry run maps the unchanged question automatically, asks for the removed wait, and changes nothing', async () => {
    const dry = await call('POST', `/api/versions/${v2}/migrations/dry-run`, { fromVersionId: journey.versionId });
    expect(dry.status, JSON.stringify(dry.body)).toBe(200);
    expect(dry.body.mapping.rows).toEqual([
      expect.objectContaining({ from: 'ask', to: 'ask', automatic: true }),
      expect.objectContaining({ from: 'wait', automatic: false, problem: expect.stringContaining('choose') }),
      expect.objectContaining({ from: 'check-in', automatic: false }),
      expect.objectContaining({ from: 'anxiety', to: 'anxiety', automatic: true }),
    ]);
    expect(dry.body.running).toBe(4);
    expect(dry.body.moving).toBe(1);
    expect(dry.body.byTarget).toEqual([{ from: 'ask', to: 'ask', kept: true, patients: 1 }]);
    const reasons = Object.fromEntries(
      dry.body.cannotMove.map((c: { enrollmentId: string; reason: string }) => [c.enrollmentId, c.reason]),
    );
    expect(reasons[atWait.enrollmentId]).toBe('Step "wait" has no target in the mapping yet.');
    expect(reasons[midAssessment.enrollmentId]).toContain('Mid-assessment at step "anxiety"');

    const mapped = await call('POST', `/api/versions/${v2}/migrations/dry-run`, {
      fromVersionId: journey.versionId,
      mapping: { wait: 'checkin', 'check-in': 'checkin' },
    });
    expect(mapped.body.mapping.problems).toEqual([]);
    expect(mapped.body.byTarget).toEqual([
      { from: 'ask', to: 'ask', kept: true, patients: 1 },
      { from: 'wait', to: 'checkin', kept: false, patients: 2 },
    ]);
    expect((await enrollmentRow(database.db, atWait.enrollmentId)).versionId).toBe(journey.versionId);
  });

  it('the workflow itself refuses to move a patient mid-assessment', async () => {
    const request = {
      migrationId: 'mig_direct',
      fromVersionId: journey.versionId,
      toVersionId: v2,
      toSteps: Object.keys(version2().steps),
      targets: { anxiety: { to: 'anxiety', keep: true } },
    };
    const refused = await client.workflow
      .getHandle(midAssessment.workflowId)
      .executeUpdate(migrateUpdate, { args: [request] })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(WorkflowUpdateFailedError);
    expect((refused as WorkflowUpdateFailedError).cause?.message).toBe(
      'Mid-assessment at step "anxiety": 1 answer(s) given; moving now would lose them.',
    );
  });

  it('moves the waiting patients: each goes on in version 2 from its mapped step, recorded and audited', async () => {
    const started = await call('POST', `/api/versions/${v2}/migrations`, {
      fromVersionId: journey.versionId,
      mapping: { wait: 'checkin', 'check-in': 'checkin' },
    });
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    const id = started.body.migration.id;
    migrationId = id;
    await migrationSettled(id);
    const progress = await call('GET', `/api/migrations/${id}`);
    expect(progress.body.migration).toMatchObject({
      counts: { moved: 3, failed: 0, pending: 0 },
      done: true,
      failures: [],
    });

    // Entered afresh: version 2's check-in question goes out at once.
    await eventually(
      async () => (await inbox(atWait.phone)).includes('v2: How are you getting on? Reply 1 if all is well.'),
      "v2's check-in",
    );
    // Stayed mid-step at the unchanged question: a yes now takes version 2's path.
    await reply(atQuestion.phone, '1');
    await eventually(
      async () => (await inbox(atQuestion.phone)).includes('v2: Thanks for letting us know!'),
      "v2's thanks",
    );

    // A run that hands over after the move carries on from where the move left it: the question is not sent again.
    const V2_CHECK_IN = 'v2: How are you getting on? Reply 1 if all is well.';
    await eventually(
      async () => (await inbox(handsOver.phone)).includes(V2_CHECK_IN),
      "v2's check-in after hand-overs",
    );
    await eventually(async () => {
      const runs = [];
      for await (const e of client.workflow.list({ query: `WorkflowId = '${handsOver.workflowId}'` })) runs.push(e);
      return runs.filter((e) => e.status.name === 'CONTINUED_AS_NEW').length >= 4;
    }, 'the run after the move to hand over');
    await reply(handsOver.phone, '1');
    expect(await client.workflow.getHandle(handsOver.workflowId).result()).toMatchObject({ status: 'completed' });
    expect((await inbox(handsOver.phone)).filter((m) => m === V2_CHECK_IN)).toHaveLength(1);

    for (const p of [atQuestion, atWait, handsOver])
      expect((await enrollmentRow(database.db, p.enrollmentId)).versionId).toBe(v2);
    // The first run on version 2 loaded it by version: neither the move nor the hand-over carried the document.
    const moved = await runInput(client, atWait.workflowId);
    expect(moved).not.toHaveProperty('definition');
    expect(moved).toMatchObject({ versionId: v2, definitionByReference: true, migratedFrom: { toStep: 'checkin' } });
    expect((await enrollmentRow(database.db, midAssessment.enrollmentId)).versionId).toBe(journey.versionId);
    const description = await client.workflow.getHandle(atWait.workflowId).describe();
    expect(description.typedSearchAttributes.get(versionIdKey)).toBe(v2);
    expect(description.typedSearchAttributes.get(currentStepKey)).toBe('checkin');

    const audited = await database.db
      .select()
      .from(auditTrail)
      .where(and(eq(auditTrail.action, 'enrollment.migrated'), eq(auditTrail.entityId, atWait.enrollmentId)));
    expect(audited).toHaveLength(1);
    expect(audited[0].data).toMatchObject({
      migrationId: id,
      fromVersionId: journey.versionId,
      toVersionId: v2,
      fromStep: 'wait',
      toStep: 'checkin',
      stayedMidStep: false,
    });

    // The migrated history replays with today's code; recorded for the checked-in replay test when asked to.
    const runs: { runId: string; startTime: Date }[] = [];
    for await (const execution of client.workflow.list({ query: `WorkflowId = '${atWait.workflowId}'` }))
      runs.push({ runId: execution.runId, startTime: execution.startTime });
    expect(runs.length).toBe(2);
    runs.sort((a, b) => a.startTime.getTime() - b.startTime.getTime());
    const handles = runs.map(({ runId }) => client.workflow.getHandle(atWait.workflowId, runId));
    const histories = await Promise.all(
      handles.map(async (h) => ({ workflowId: atWait.workflowId, history: await h.fetchHistory() })),
    );
    const bundle = await enrollmentWorkflowBundle();
    for await (const result of Worker.runReplayHistories(
      { workflowBundle: bundle, dataConverter: testDataConverter },
      histories,
    ))
      expect(result.error, `replaying ${result.runId}`).toBeUndefined();
    await recordHistory('migration-moved-to-v2', handles[0]);
    await recordHistory('migration-continued-on-v2', handles[1]);
  }, 120_000);

  it('a patient already moved is not moved twice, and the one mid-assessment stays in version 1 until a retry', async () => {
    const dry = await call('POST', `/api/versions/${v2}/migrations/dry-run`, {
      fromVersionId: journey.versionId,
      mapping: { wait: 'checkin', 'check-in': 'checkin' },
    });
    expect(dry.body.running).toBe(1);
    expect(dry.body.moving).toBe(0);
    expect(dry.body.cannotMove).toEqual([expect.objectContaining({ enrollmentId: midAssessment.enrollmentId })]);
    const again = await call('POST', `/api/versions/${v2}/migrations`, {
      fromVersionId: journey.versionId,
      mapping: { wait: 'checkin', 'check-in': 'checkin' },
    });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe('No patient of version 1 can move now.');
  });

  it('a patient who did not move is listed with the reason, and a retry asks again: the database first, then the workflow', async () => {
    // As if the patient had been movable when the migration started and answered a question since.
    await database.db.insert(enrollmentMigrationItems).values({
      migrationId,
      enrollmentId: midAssessment.enrollmentId,
      status: 'failed',
      fromStep: 'anxiety',
      error: 'not tried yet',
      updatedAt: new Date().toISOString(),
    });
    const failureAfterRetry = async () => {
      const retried = await call('POST', `/api/migrations/${migrationId}/retry`);
      expect(retried.status, JSON.stringify(retried.body)).toBe(202);
      await migrationSettled(migrationId);
      const { migration } = (await call('GET', `/api/migrations/${migrationId}`)).body;
      expect(migration.counts).toEqual({ moved: 3, failed: 1, pending: 0 });
      expect(migration.failures).toHaveLength(1);
      return migration.failures[0].reason as string;
    };
    expect(await failureAfterRetry()).toContain('Mid-assessment at step "anxiety": answers are partly given');
    // Without the stored answer the database cannot tell; the workflow's validator still refuses.
    await database.db
      .delete(messages)
      .where(and(eq(messages.enrollmentId, midAssessment.enrollmentId), eq(messages.direction, 'inbound')));
    expect(await failureAfterRetry()).toBe(
      'Mid-assessment at step "anxiety": 1 answer(s) given; moving now would lose them.',
    );
    expect((await enrollmentRow(database.db, midAssessment.enrollmentId)).versionId).toBe(journey.versionId);
  });
});
