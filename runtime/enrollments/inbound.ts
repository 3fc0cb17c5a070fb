/** Inbound messages: keywords (STOP, START, HELP) act on the address; any other text is a reply, routed to the enrollment awaiting it as a Workflow Update. */
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { enrollments, messages, patients, versions } from '../db/schema.js';
import { newId } from '../db/ids.js';
import { ConflictError, UnavailableError } from '../errors.js';
import type { ConnectorRegistry, InboundMessage } from '../../connectors/sdk/index.js';
import { requestExit } from '../temporal/client.js';
import { submitReply } from '../temporal/reply-client.js';
import { appendAudit } from '../db/audit.js';
import { normalizeReply } from '../../schema/steps/message.js';
import type { JourneyDocument } from '../../schema/document.js';
import { addressKindOf, kindOfAddress, normalizeAddress, type AddressKind } from '../channels/addresses.js';
import { optInAddress, optOutAddress } from '../channels/opt-outs.js';
import { sendAutoReply } from '../channels/auto-reply.js';
import type { TemporalAccess } from './enroll.js';

/** The carrier keywords that opt an address out of messages (CTIA); honoured at once, whatever the journey is doing. */
export const STOP_WORDS = new Set(['stop', 'stopall', 'unsubscribe', 'cancel', 'end', 'quit']);
/** The keywords that opt an address back in. */
export const START_WORDS = new Set(['start', 'unstop', 'yes start']);
export const HELP_WORDS = new Set(['help', 'info']);

/** Answer to HELP when the journey names no help text of its own. */
export const DEFAULT_HELP_TEXT = 'This is your patient support program. Reply STOP to stop messages, START to resume.';

export interface InboundDeps {
  db: Database;
  temporal: () => TemporalAccess;
  /** Needed to answer HELP and replies that were not understood; without it no answer goes out. */
  connectors?: ConnectorRegistry;
}

type PatientRow = typeof patients.$inferSelect;
type EnrollmentRow = typeof enrollments.$inferSelect;
type SentReply = { id: string; direction: 'inbound'; body: string; channel: string };

/** What became of an inbound message, for the provider webhook and the development inbox. */
export type InboundOutcome =
  | { message: SentReply; enrollmentId: string; notUnderstood?: boolean }
  | { message: SentReply; optedOut: boolean; enrollmentIds: string[] }
  | { message: SentReply; optedIn: boolean }
  | { message: SentReply; help: true };

/** Delivers a reply from one known patient (the development inbox). Refused (409) when no enrollment of theirs awaits one. */
export async function receiveReply(
  db: Database,
  temporal: () => TemporalAccess,
  patientId: string,
  connector: string,
  inbound: InboundMessage,
  connectors?: ConnectorRegistry,
): Promise<InboundOutcome> {
  const [patient] = await db.select().from(patients).where(eq(patients.id, patientId));
  if (!patient) throw new ConflictError('unknown-patient', 'This patient does not exist.');
  const outcome = await receive({ db, temporal, connectors }, connector, inbound, [patient]);
  if (outcome === 'unrouted') throw noEnrollmentAwaiting(await runningOf(db, [patientId]));
  return outcome;
}

/**
 * Delivers a message from a provider webhook to whoever has that address. `unknown-sender` when no patient has it
 * (a STOP from such a number is still kept, so it is honoured if the number is added later); `unrouted` when no
 * enrollment awaited a reply (the message is kept).
 */
export async function receiveInbound(
  deps: InboundDeps,
  connector: string,
  inbound: InboundMessage,
): Promise<InboundOutcome | 'unrouted' | 'unknown-sender'> {
  const kind = addressKindOf(inbound.channel) ?? kindOfAddress(inbound.from);
  const address = normalizeAddress(kind, inbound.from) ?? inbound.from.trim().toLowerCase();
  const owners = await deps.db
    .select()
    .from(patients)
    .where(kind === 'phone' ? eq(patients.phone, address) : eq(patients.email, address));
  if (owners.length === 0) {
    if (STOP_WORDS.has(normalizeReply(inbound.body)))
      await optOutAddress(deps.db, { address, kind, keyword: normalizeReply(inbound.body), connector });
    return 'unknown-sender';
  }
  return receive(deps, connector, { ...inbound, from: address }, owners);
}

async function receive(
  deps: InboundDeps,
  connector: string,
  inbound: InboundMessage,
  owners: PatientRow[],
): Promise<InboundOutcome | 'unrouted'> {
  const word = normalizeReply(inbound.body);
  const kind = addressKindOf(inbound.channel) ?? kindOfAddress(inbound.from);
  const address = normalizeAddress(kind, inbound.from) ?? inbound.from.trim().toLowerCase();
  if (STOP_WORDS.has(word)) return optOut(deps, connector, inbound, owners, { address, kind, word });
  if (START_WORDS.has(word)) return optIn(deps.db, connector, inbound, owners, address);
  if (HELP_WORDS.has(word)) return help(deps, connector, inbound, owners);
  return routeReply(deps, connector, inbound, owners);
}

async function runningOf(db: Database, patientIds: string[]): Promise<EnrollmentRow[]> {
  if (patientIds.length === 0) return [];
  return db
    .select()
    .from(enrollments)
    .where(and(inArray(enrollments.patientId, patientIds), eq(enrollments.status, 'running')));
}

function noEnrollmentAwaiting(running: EnrollmentRow[]) {
  return new ConflictError(
    'no-enrollment-awaiting-reply',
    running.length === 0
      ? 'This patient has no running enrollment, so there is nothing to reply to.'
      : "None of this patient's running enrollments is waiting for a reply right now.",
  );
}

async function storeInbound(
  db: Pick<Database, 'insert'>,
  connector: string,
  inbound: InboundMessage,
  patientId: string,
  status: string,
): Promise<string> {
  const id = newId('msg');
  await db.insert(messages).values({
    id,
    direction: 'inbound',
    patientId,
    channel: inbound.channel,
    connector,
    body: inbound.body,
    status,
    providerMessageId: inbound.providerMessageId ?? null,
  });
  return id;
}

const sent = (id: string, inbound: InboundMessage): SentReply => ({
  id,
  direction: 'inbound',
  body: inbound.body,
  channel: inbound.channel,
});

/**
 * A reply: kept first, then offered to the running enrollments on this address, the one that messaged last first.
 * Each workflow's validator decides whether it awaits a reply; the first that takes it says whether it understood.
 */
async function routeReply(
  deps: InboundDeps,
  connector: string,
  inbound: InboundMessage,
  owners: PatientRow[],
): Promise<InboundOutcome | 'unrouted'> {
  const { db } = deps;
  const running = await runningOf(
    db,
    owners.map((p) => p.id),
  );
  const lastSent = new Map<string, string>();
  if (running.length > 0)
    for (const row of await db
      .select({ enrollmentId: messages.enrollmentId, createdAt: messages.createdAt })
      .from(messages)
      .where(
        and(
          inArray(
            messages.enrollmentId,
            running.map((e) => e.id),
          ),
          eq(messages.direction, 'outbound'),
        ),
      )) {
      if (row.enrollmentId && (lastSent.get(row.enrollmentId) ?? '') < row.createdAt)
        lastSent.set(row.enrollmentId, row.createdAt);
    }
  running.sort((a, b) => (lastSent.get(b.id) ?? '').localeCompare(lastSent.get(a.id) ?? ''));

  const id = await storeInbound(db, connector, inbound, running[0]?.patientId ?? owners[0].id, 'received');
  if (running.length === 0) {
    await db.update(messages).set({ status: 'unrouted' }).where(eq(messages.id, id));
    return 'unrouted';
  }
  const { client } = deps.temporal();
  for (const enrollment of running) {
    let result;
    try {
      result = await submitReply(client, enrollment.workflowId, { text: inbound.body, messageId: id });
    } catch (error) {
      // The reply stays stored (marked undelivered) so it is never lost; the caller learns the workflow did not get it.
      await db
        .update(messages)
        .set({ status: 'undelivered', error: String((error as Error).message) })
        .where(eq(messages.id, id));
      throw new UnavailableError(
        'runtime-unavailable',
        'The reply was saved but could not be passed to the running journey; it is marked undelivered.',
      );
    }
    if (!result.accepted) continue;
    await db
      .update(messages)
      .set({
        status: result.applied ? 'delivered' : 'not-understood',
        enrollmentId: enrollment.id,
        patientId: enrollment.patientId,
        stepId: result.step || null,
      })
      .where(eq(messages.id, id));
    if (!result.applied && result.notUnderstood && deps.connectors)
      await sendAutoReply(
        { db, connectors: deps.connectors },
        {
          connectorId: connector,
          channel: inbound.channel,
          to: inbound.from,
          body: result.notUnderstood,
          patientId: enrollment.patientId,
          enrollmentId: enrollment.id,
          inReplyTo: id,
        },
      );
    return {
      message: sent(id, inbound),
      enrollmentId: enrollment.id,
      ...(result.applied ? {} : { notUnderstood: true }),
    };
  }
  await db.update(messages).set({ status: 'unrouted' }).where(eq(messages.id, id));
  return 'unrouted';
}

/** STOP: the address is opted out for every patient that carries it, and every running enrollment of theirs ends now. */
async function optOut(
  deps: InboundDeps,
  connector: string,
  inbound: InboundMessage,
  owners: PatientRow[],
  { address, kind, word }: { address: string; kind: AddressKind; word: string },
): Promise<InboundOutcome> {
  const { db } = deps;
  const running = await runningOf(
    db,
    owners.map((p) => p.id),
  );
  const ids: string[] = [];
  await db.transaction(
    async (tx) => {
      await optOutAddress(tx, { address, kind, keyword: word, connector });
      for (const patient of owners) {
        ids.push(await storeInbound(tx, connector, inbound, patient.id, 'received'));
        await appendAudit(tx, {
          actor: `patient:${patient.id}`,
          action: 'consent.opted-out',
          entityType: 'patient',
          entityId: patient.id,
          data: {
            channel: inbound.channel,
            keyword: word,
            enrollments: running.filter((e) => e.patientId === patient.id).map((e) => e.id),
          },
        });
      }
    },
    { behavior: 'immediate' },
  );
  const failures: string[] = [];
  if (running.length > 0) {
    const { client } = deps.temporal();
    for (const enrollment of running) {
      await requestExit(client, enrollment.workflowId, 'opted out (STOP)').catch(() => failures.push(enrollment.id));
    }
  }
  const stored = inArray(messages.id, ids);
  if (failures.length > 0) {
    await db
      .update(messages)
      .set({ status: 'undelivered', error: `exit not delivered to ${failures.join(', ')}` })
      .where(stored);
    throw new UnavailableError(
      'runtime-unavailable',
      'The opt-out was recorded, but some journeys could not be stopped yet; they are marked for follow-up.',
    );
  }
  await db.update(messages).set({ status: 'delivered' }).where(stored);
  return { message: sent(ids[0], inbound), optedOut: true, enrollmentIds: running.map((e) => e.id) };
}

/** START: the address may be messaged again; journeys already ended stay ended. */
async function optIn(
  db: Database,
  connector: string,
  inbound: InboundMessage,
  owners: PatientRow[],
  address: string,
): Promise<InboundOutcome> {
  let first = '';
  await db.transaction(
    async (tx) => {
      await optInAddress(tx, address);
      for (const patient of owners) {
        const id = await storeInbound(tx, connector, inbound, patient.id, 'delivered');
        first ||= id;
        await appendAudit(tx, {
          actor: `patient:${patient.id}`,
          action: 'consent.opted-in',
          entityType: 'patient',
          entityId: patient.id,
          data: { channel: inbound.channel },
        });
      }
    },
    { behavior: 'immediate' },
  );
  return { message: sent(first, inbound), optedIn: true };
}

/** HELP: the program's help text from the journey the patient is in (the newest), sent back on the same connector. */
async function help(
  deps: InboundDeps,
  connector: string,
  inbound: InboundMessage,
  owners: PatientRow[],
): Promise<InboundOutcome> {
  const { db } = deps;
  const [latest] = await db
    .select({ document: versions.document, patientId: enrollments.patientId, enrollmentId: enrollments.id })
    .from(enrollments)
    .innerJoin(versions, eq(versions.id, enrollments.versionId))
    .where(
      inArray(
        enrollments.patientId,
        owners.map((p) => p.id),
      ),
    )
    .orderBy(desc(enrollments.startedAt))
    .limit(1);
  const patientId = latest?.patientId ?? owners[0].id;
  const id = await storeInbound(db, connector, inbound, patientId, 'delivered');
  const text = (latest?.document as JourneyDocument | undefined)?.settings?.helpText ?? DEFAULT_HELP_TEXT;
  if (deps.connectors)
    await sendAutoReply(
      { db, connectors: deps.connectors },
      {
        connectorId: connector,
        channel: inbound.channel,
        to: inbound.from,
        body: text,
        patientId,
        ...(latest ? { enrollmentId: latest.enrollmentId } : {}),
        inReplyTo: id,
      },
    );
  return { message: sent(id, inbound), help: true };
}
