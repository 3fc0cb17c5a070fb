/**
 * Patient data in Temporal is ciphertext: a workflow's raw history, read without the codec, holds no attribute value,
 * reply text or exit reason; ids, search attributes and memo hold none either; the Web UI codec endpoint decodes only
 * for the roles that may see patient data; and keys rotate without losing what the old key sealed. On the CLI's dev server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@temporalio/client';
import { METADATA_ENCODING_KEY, type Payload } from '@temporalio/common';
import proto, { type temporal } from '@temporalio/proto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import type { JourneyDocument } from '../../schema/document.js';
import { ConnectorRegistry } from '../../connectors/sdk/index.js';
import { createDevConnector } from '../../connectors/dev/dev-connector.js';
import { createDevInboxStore } from '../../runtime/db/dev-inbox.js';
import { ensureUser } from '../../runtime/people/users.js';
import { createApi } from '../../runtime/api/app.js';
import type { EnrollmentState } from '../../runtime/engine/index.js';
import { EncryptionCodec, KEY_ID_METADATA } from '../../runtime/temporal/codec.js';
import { createDataConverter } from '../../runtime/temporal/data-converter.js';
import { staticKeyProvider } from '../../runtime/temporal/keys.js';
import { enrollmentState, requestExit, startEnrollment } from '../../runtime/temporal/client.js';
import { submitReply } from '../../runtime/temporal/reply-client.js';
import { enrollmentSearchAttributes } from '../../runtime/temporal/search-attributes.js';
import { createWorker } from '../../runtime/temporal/worker.js';
import { createLocalEnv } from '../support/temporal.js';
import { testPayloadKeys } from '../support/payload-keys.js';
import { startHarness, type Harness } from './harness.js';
import { firstDoseCheckIn, seedEnrollment, seedJourney, seedPatient } from './seed.js';
import { eventually as waitFor } from '../support/eventually.js';

const History = proto.temporal.api.history.v1.History;
const taskQueue = 'carepath-encryption-test';

/** The first-dose journey with a one-second wait and a declared attribute, so a run reaches its question at once. */
const journeyDocument: JourneyDocument = {
  ...firstDoseCheckIn,
  attributes: { diagnosis: { type: 'string' } },
  steps: {
    ...firstDoseCheckIn.steps,
    'wait-two-days': { ...firstDoseCheckIn.steps['wait-two-days'], wait: { kind: 'duration', duration: 'PT1S' } },
  } as JourneyDocument['steps'],
};

const patient = { name: 'Grace Brewster Hopper', phone: '+15557770142' };
const diagnosis = 'psoriatic arthritis';
const replyText = 'my left knee is swollen since tuesday';
const exitReason = 'moved into hospice care';

let harness: Harness;
let env: TestWorkflowEnvironment;

beforeAll(async () => {
  harness = await startHarness(taskQueue, () =>
    createLocalEnv({ server: { searchAttributes: enrollmentSearchAttributes } }),
  );
  env = harness.env;
}, 300_000);

afterAll(() => harness?.stop(), 60_000);

/** This file's waits: up to 60,000 ms. */
const eventually = <T>(probe: () => Promise<T | undefined | false | null>, what: string) =>
  waitFor(probe, what, 60_000);

/**
 * Every payload in a history object, except search attributes (which Temporal indexes, so they are never encoded)
 * and the SDK's own patch markers (`patched()`: the patch id only, written by the worker's core below any codec).
 */
function payloadsIn(value: unknown, found: Payload[] = []): Payload[] {
  if (!value || typeof value !== 'object' || value instanceof Uint8Array) return found;
  if ('metadata' in value && 'data' in value && (value as Payload).metadata) found.push(value as Payload);
  else
    for (const [key, child] of Object.entries(value)) {
      if (key === 'searchAttributes') continue;
      if (key === 'markerRecordedEventAttributes' && (child as { markerName?: string }).markerName === 'core_patch')
        continue;
      payloadsIn(child as unknown, found);
    }
  return found;
}

const text = (bytes?: Uint8Array | null) => Buffer.from(bytes ?? []).toString('utf8');

/** Enrolls a patient (through `client`), lets the run reach its question, replies with free text and exits it with a reason (through `exitClient`). */
async function runWithPatientData(client: Client, queue: string, exitClient: Client = client) {
  const journey = await seedJourney(harness.database.db, journeyDocument);
  const patientId = await seedPatient(harness.database.db, { ...patient, attributes: { diagnosis } });
  const input = await seedEnrollment(harness.database.db, journey, patientId);
  await startEnrollment(client, queue, { ...input, attributes: { diagnosis }, publishStep: true });
  await eventually(
    async () => (await enrollmentState(exitClient, input.workflowId))?.phase.kind === 'awaiting-reply',
    'the question',
  );
  await submitReply(exitClient, input.workflowId, { text: replyText, messageId: 'msg_in_1' });
  await requestExit(exitClient, input.workflowId, exitReason);
  const final: EnrollmentState = await exitClient.workflow.getHandle(input.workflowId).result();
  return { journey, patientId, input, final };
}

describe('patient data in Temporal', () => {
  let run: Awaited<ReturnType<typeof runWithPatientData>>;
  let rawHistory: temporal.api.history.v1.History;

  beforeAll(async () => {
    run = await runWithPatientData(env.client, taskQueue);
    // A client with no codec sees what anyone with access to Temporal sees.
    const raw = new Client({ connection: env.connection, namespace: env.namespace ?? 'default' });
    rawHistory = History.fromObject(await raw.workflow.getHandle(run.input.workflowId).fetchHistory());
  }, 120_000);

  it('holds no attribute value, reply text, exit reason, name or phone in the raw history', async () => {
    expect(run.final).toMatchObject({ status: 'exited', reason: exitReason, attributes: { diagnosis } });
    const bytes = Buffer.from(History.encode(rawHistory).finish());
    for (const secret of [diagnosis, replyText, exitReason, patient.name, patient.phone, 'Grace'])
      expect(bytes.includes(Buffer.from(secret)), `"${secret}" in the raw history`).toBe(false);

    const payloads = payloadsIn(History.toObject(rawHistory));
    expect(payloads.length).toBeGreaterThan(5);
    for (const payload of payloads) {
      expect(text(payload.metadata?.[METADATA_ENCODING_KEY])).toBe('binary/encrypted');
      expect(text(payload.metadata?.[KEY_ID_METADATA])).toBe('test-1');
    }
    // The same payloads, decrypted, do carry the patient data: the check above looked in the right place.
    const opened = await new EncryptionCodec(testPayloadKeys).decode(payloads);
    const plain = opened.map((p) => text(p.data)).join('\n');
    for (const secret of [diagnosis, replyText, exitReason]) expect(plain).toContain(secret);
  });

  it('keeps ids, search attributes and memo free of patient data', async () => {
    const description = await env.client.workflow.getHandle(run.input.workflowId).describe();
    expect(description.workflowId).toBe(`enrollment-${run.journey.journeyId}-${run.patientId}`);
    const attributes = Object.fromEntries(
      enrollmentSearchAttributes.map((key) => [key.name, description.typedSearchAttributes.get(key)]),
    );
    expect(attributes).toEqual({ CarepathVersionId: run.journey.versionId, CarepathStep: 'ask-first-dose' });
    expect(Object.keys(description.memo ?? {})).toEqual([]);
    const visible = JSON.stringify([description.workflowId, description.searchAttributes, description.memo]);
    for (const secret of [diagnosis, replyText, exitReason, patient.name, patient.phone])
      expect(visible).not.toContain(secret);
  });

  it('decodes through the Web UI codec endpoint for program managers only', async () => {
    // The payload that carried the reply (a signal or an update, whichever the workflow takes), as the UI would send it.
    const codec = new EncryptionCodec(testPayloadKeys);
    const all = payloadsIn(History.toObject(rawHistory));
    const opened = await codec.decode(all);
    const sealed = [all[opened.findIndex((p) => text(p.data).includes(`"text":"${replyText}"`))]];
    expect(sealed[0]).toBeDefined();
    const body = JSON.stringify({
      payloads: sealed.map(({ metadata, data }: Payload) => ({
        metadata: Object.fromEntries(
          Object.entries(metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')]),
        ),
        data: Buffer.from(data ?? []).toString('base64'),
      })),
    });
    const api = createApi({
      db: harness.database.db,
      connectors: new ConnectorRegistry(),
      temporal: () => undefined,
      temporalAddress: 'none',
      payloadCodec: { codec, uiOrigins: ['http://localhost:8233'] },
    });
    const cookieOf = async (role: 'program-manager' | 'engineer') => {
      await ensureUser(harness.database.db, {
        email: `${role}@example.org`,
        name: role,
        password: 'pw-123456',
        roles: [role],
      });
      const login = await api.request('/api/sessions', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: `${role}@example.org`, password: 'pw-123456' }),
      });
      expect(login.status).toBe(200);
      return login.headers.get('set-cookie')!.split(';')[0];
    };
    const decode = (cookie?: string) =>
      api.request('/api/temporal-codec/decode', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-namespace': 'default', ...(cookie ? { cookie } : {}) },
        body,
      });

    expect((await decode()).status).toBe(401);
    const engineer = await decode(await cookieOf('engineer'));
    expect(engineer.status).toBe(403);
    expect(await engineer.text()).not.toContain(replyText);
    const manager = await decode(await cookieOf('program-manager'));
    expect(manager.status).toBe(200);
    const { payloads } = (await manager.json()) as { payloads: Array<{ data: string }> };
    expect(JSON.parse(Buffer.from(payloads[0].data, 'base64').toString('utf8'))).toMatchObject({ text: replyText });
  });
});

describe('key rotation', () => {
  const rotated = staticKeyProvider(
    [
      { id: 'test-1', material: new Uint8Array(Buffer.from('carepath-test-payload-key-32byte', 'utf8')) },
      { id: 'rotated-2', material: new Uint8Array(32).fill(42) },
    ],
    'rotated-2',
  );
  const rotatedQueue = 'carepath-encryption-rotated';
  let worker: Worker;
  let running: Promise<void>;

  beforeAll(async () => {
    // The deployment after rotation: it knows the old key and writes with the new one.
    const connectors = new ConnectorRegistry().register(
      createDevConnector(createDevInboxStore(harness.database.db)),
      {},
    );
    worker = await createWorker({
      connection: env.nativeConnection,
      namespace: env.namespace ?? 'default',
      taskQueue: rotatedQueue,
      db: harness.database.db,
      connectors,
      payloadKeys: rotated,
    });
    running = worker.run();
  }, 120_000);

  afterAll(async () => {
    worker?.shutdown();
    await running;
  });

  it('a run started under the old key is carried on and read under the new one', async () => {
    const rotatedClient = new Client({
      connection: env.connection,
      namespace: env.namespace ?? 'default',
      dataConverter: createDataConverter(rotated),
    });
    // Started by a client that still has only the old key; replied to and ended by the rotated one.
    const { input, final } = await runWithPatientData(env.client, rotatedQueue, rotatedClient);
    expect(final).toMatchObject({ status: 'exited', reason: exitReason });

    const raw = new Client({ connection: env.connection, namespace: env.namespace ?? 'default' });
    const history = History.toObject(History.fromObject(await raw.workflow.getHandle(input.workflowId).fetchHistory()));
    const keyIds = new Set(payloadsIn(history).map((p) => text(p.metadata?.[KEY_ID_METADATA])));
    expect([...keyIds].sort()).toEqual(['rotated-2', 'test-1']);
    // A process without the new key cannot read what was written under it, and says which key is missing.
    await expect(env.client.workflow.getHandle(input.workflowId).result()).rejects.toThrow(/rotated-2/);
  });
});
