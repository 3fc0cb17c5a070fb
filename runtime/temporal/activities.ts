/** The enrollment workflow's only ways to reach the world: send one message (exactly once per step visit) and record how an enrollment ended. */
import { ApplicationFailure } from '@temporalio/activity';
import { and, eq, ne } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { newId } from '../db/ids.js';
import { enrollments, journeys, messages, patients, versions } from '../db/schema.js';
import { PermanentSendError, type ChannelName, type ConnectorRegistry } from '../../connectors/sdk/index.js';
import { renderTemplate, templateContext } from './templates.js';
import { createRecordActivity } from './records.js';
import { addressKindOf, normalizeAddress } from '../channels/addresses.js';
import { isOptedOut } from '../channels/opt-outs.js';
import { contactProblem, markContactBad } from '../channels/contacts.js';
import { consentRefusal } from '../channels/consent.js';
import { createIntegrityActivities } from './integrity-activity.js';
import { recordEnrollmentEnding } from '../enrollments/end.js';
import { linkFor } from '../forms/links.js';
import { attemptTime, quietUntil, retryWhenQuietHoursEnd } from './send-window.js';
import type { EnrollmentEnd, SendMessageInput, SendMessageResult } from './types.js';
import type { JourneyDocument } from '../../schema/document.js';
import { log } from '../log.js';

export interface ActivityDeps {
  db: Database;
  connectors: ConnectorRegistry;
  /** Base of assessment web-form links; the development default is the local server. */
  publicUrl?: string;
  /** Refuse sends with no granted consent for the channel and purpose on record (a revoked consent always blocks). */
  requireConsent?: boolean;
}

/** The failure type the workflow's retry policy treats as final; the journey then takes its `failed` output. */
export const PERMANENT_SEND_FAILURE = 'PermanentSendError';

export function createActivities({
  db,
  connectors,
  publicUrl = 'http://localhost:3000',
  requireConsent = false,
}: ActivityDeps) {
  /** Marks the row failed (full reason, the database may hold contact details) and raises a failure no retry will repeat (redacted, it lands in workflow history). */
  async function failPermanently(messageId: string | undefined, reason: string, redacted = reason): Promise<never> {
    if (messageId) await db.update(messages).set({ status: 'failed', error: reason }).where(eq(messages.id, messageId));
    throw ApplicationFailure.nonRetryable(redacted, PERMANENT_SEND_FAILURE);
  }

  return {
    recordJourneyCommand: createRecordActivity(db),
    ...createIntegrityActivities(db),

    async sendMessage(input: SendMessageInput): Promise<SendMessageResult> {
      // An assessment sends several messages in one visit (intro, each question, a re-ask); `part` keeps their keys apart.
      const idempotencyKey = `${input.workflowId}:${input.step}:${input.visit}${input.part ? `:${input.part}` : ''}`;
      const [existing] = await db.select().from(messages).where(eq(messages.idempotencyKey, idempotencyKey));
      if (existing?.status === 'sent')
        return { messageId: existing.id, providerMessageId: existing.providerMessageId ?? '' };
      if (existing?.status === 'failed')
        return failPermanently(undefined, `the message of step "${input.step}" was already marked undeliverable`);

      const [row] = await db
        .select({ patient: patients, journeyId: journeys.id, journeyName: journeys.name, document: versions.document })
        .from(enrollments)
        .innerJoin(patients, eq(patients.id, enrollments.patientId))
        .innerJoin(journeys, eq(journeys.id, enrollments.journeyId))
        .innerJoin(versions, eq(versions.id, enrollments.versionId))
        .where(eq(enrollments.id, input.enrollmentId));
      if (!row) return failPermanently(existing?.id, `enrollment ${input.enrollmentId} does not exist`);
      const { patient } = row;

      let body: string;
      let subject: string | undefined;
      try {
        // An assessment's link message carries the patient's own form address.
        const extra =
          input.purpose === 'assessment-link'
            ? {
                assessment: {
                  link: `${publicUrl.replace(/\/$/, '')}/forms/${await linkFor(db, { key: idempotencyKey, enrollmentId: input.enrollmentId, workflowId: input.workflowId, stepId: input.step, visit: input.visit })}`,
                },
              }
            : {};
        const variables = templateContext(
          { name: patient.name, attributes: patient.attributes ?? {} },
          { id: row.journeyId, name: row.journeyName },
          extra,
        );
        // Questionnaire text is sent as approved, never interpreted as a template.
        body = input.literal ? input.template : renderTemplate(input.template, variables);
        subject = input.subject !== undefined ? renderTemplate(input.subject, variables) : undefined;
      } catch (err) {
        return failPermanently(
          existing?.id,
          `the template of step "${input.step}" could not be rendered: ${(err as Error).message}`,
        );
      }

      let messageId = existing?.id;
      if (!messageId) {
        messageId = newId('msg');
        await db
          .insert(messages)
          .values({
            id: messageId,
            direction: 'outbound',
            enrollmentId: input.enrollmentId,
            patientId: patient.id,
            stepId: input.step,
            visit: input.visit,
            channel: input.channel,
            connector: input.connector,
            idempotencyKey,
            subject: subject ?? null,
            body,
            status: 'queued',
          })
          .onConflictDoNothing({ target: messages.idempotencyKey });
        // Another attempt may have inserted first; the row with the key is the one that counts.
        const [kept] = await db.select().from(messages).where(eq(messages.idempotencyKey, idempotencyKey));
        if (kept.status === 'sent') return { messageId: kept.id, providerMessageId: kept.providerMessageId ?? '' };
        messageId = kept.id;
      }

      // A webhook goes to a system (a pharmacy), which knows the patient by id only.
      const to =
        input.channel === 'webhook'
          ? `patient:${patient.id}`
          : input.channel === 'email'
            ? patient.email
            : patient.phone;
      if (!to)
        return failPermanently(
          messageId,
          `the patient has no ${input.channel === 'email' ? 'email address' : 'phone number'} for ${input.channel}`,
        );
      // An earlier attempt left this row queued: it may have got the provider to accept the message and died before
      // recording it. A provider that honours idempotency keys answers a resend with that message; one that does not
      // (Twilio) is asked for it first, so the patient never gets the text twice.
      const earlier = existing?.status === 'queued' ? await connectors.find(input.connector) : undefined;
      const found = await earlier?.connector.findSent?.(
        {
          idempotencyKey,
          channel: input.channel as ChannelName,
          to,
          ...(subject !== undefined ? { subject } : {}),
          body,
        },
        new Date(existing!.createdAt),
        earlier.settings,
        async (providerMessageId) =>
          (
            await db
              .select({ id: messages.id })
              .from(messages)
              .where(
                and(
                  eq(messages.connector, input.connector),
                  eq(messages.providerMessageId, providerMessageId),
                  ne(messages.id, messageId!),
                ),
              )
              .limit(1)
          ).length > 0,
      );
      if (found) {
        await db
          .update(messages)
          .set({ status: 'sent', providerMessageId: found.providerMessageId, error: null })
          .where(eq(messages.id, messageId));
        log.info(
          { workflowId: input.workflowId, step: input.step, messageId },
          'message found sent by an earlier attempt',
        );
        return { messageId, providerMessageId: found.providerMessageId };
      }
      const optedOut = patient.optedOutChannels ?? [];
      if (optedOut.includes(input.channel) || (input.channel === 'voice' && optedOut.includes('sms'))) {
        return failPermanently(messageId, `the patient has opted out of ${input.channel}`);
      }
      // Channels: the opt-out lives on the address, a known-bad address fails at once, consent is per channel and purpose.
      const kind = addressKindOf(input.channel);
      if (kind) {
        // An address the library cannot read is left to the provider to refuse.
        const address = normalizeAddress(kind, to) ?? to.trim().toLowerCase();
        if (await isOptedOut(db, address))
          return failPermanently(
            messageId,
            `the patient's ${kind === 'phone' ? 'phone number' : 'email address'} has opted out`,
          );
        const problem = contactProblem(patient, kind);
        if (problem)
          return failPermanently(
            messageId,
            `the patient's ${kind === 'phone' ? 'phone number' : 'email address'} is marked bad since ${problem.since} (${problem.reason})`,
          );
      }
      const entry = await connectors.find(input.connector);
      if (!entry) return failPermanently(messageId, `connector "${input.connector}" is not configured on this worker`);
      // A connector that reaches no patient (the development inbox) needs no consent, whatever id it was saved under.
      const consentRequired = requireConsent && !entry.connector.reachesNoPatient;
      const refusal = await consentRefusal(db, patient.id, input.channel, input.consentPurpose, consentRequired);
      if (refusal) return failPermanently(messageId, refusal);
      // Quiet hours hold through retries: checked at every attempt, just before the provider is called.
      const now = attemptTime();
      const opens = quietUntil((row.document as JourneyDocument).settings, input.channel, patient.timeZone, now);
      if (opens !== undefined) retryWhenQuietHoursEnd(opens, now);

      try {
        const { providerMessageId } = await entry.connector.send(
          {
            idempotencyKey,
            channel: input.channel as ChannelName,
            to,
            ...(subject !== undefined ? { subject } : {}),
            body,
          },
          entry.settings,
        );
        await db
          .update(messages)
          .set({ status: 'sent', providerMessageId, error: null })
          .where(eq(messages.id, messageId));
        // Ids only: the address and the text stay in the database.
        log.info(
          {
            workflowId: input.workflowId,
            enrollmentId: input.enrollmentId,
            step: input.step,
            visit: input.visit,
            channel: input.channel,
            connector: input.connector,
            messageId,
          },
          'message sent',
        );
        return { messageId, providerMessageId };
      } catch (err) {
        const reason = err instanceof Error ? err.message : String(err);
        // Provider errors often quote the number or address; workflow history must not.
        const redacted = reason
          .split(to)
          .join(input.channel === 'email' ? "the patient's email address" : "the patient's phone number");
        // Duck-typed too: a connector built against another copy of the SDK still signals permanence.
        if (err instanceof PermanentSendError || (err as { permanent?: unknown } | null)?.permanent === true) {
          // The address itself is at fault: later sends on it fail at once until someone corrects it.
          if (kind && (err as { badAddress?: unknown }).badAddress === true)
            await markContactBad(db, patient.id, kind, `${input.channel} refused: ${redacted}`);
          return failPermanently(messageId, reason, redacted);
        }
        await db.update(messages).set({ error: reason }).where(eq(messages.id, messageId));
        throw ApplicationFailure.retryable(redacted, err instanceof Error ? err.name : 'SendError');
      }
    },

    async recordEnrollmentEnd(ending: EnrollmentEnd): Promise<void> {
      await recordEnrollmentEnding(db, ending);
    },
  };
}
