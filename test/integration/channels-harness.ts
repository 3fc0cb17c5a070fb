/**
 * The channel tests' world: a real Temporal server and libsql file with the providers faked only at the network edge —
 * a loopback server speaking Twilio's protocol for SMS and calls, a real SMTP listener for email — and the real
 * webhook routes; the journeys those tests run, and how they enroll a patient and post a signed Twilio webhook.
 */
import { and, eq } from 'drizzle-orm';
import { validateJourney } from '../../schema/validate.js';
import type { JourneyDocument } from '../../schema/document.js';
import { messages } from '../../runtime/db/schema.js';
import { enrollmentState, startEnrollment } from '../../runtime/temporal/client.js';
import { createWebhookApp } from '../../runtime/api/routes/webhooks.js';
import { createTwilioSmsConnector } from '../../connectors/twilio/twilio-sms.js';
import { createSmtpEmailConnector } from '../../connectors/smtp/smtp-email.js';
import { twilioSignature } from '../../connectors/twilio/signature.js';
import { createTwilioVoiceConnector } from '../../connectors/twilio/twilio-voice.js';
import { createTimeSkippingEnv } from '../support/temporal.js';
import { FAKE_ACCOUNT_SID, FAKE_AUTH_TOKEN, startFakeTwilio } from '../support/fake-twilio.js';
import { startSmtpListener } from '../support/smtp-listener.js';
import { startHarness } from './harness.js';
import { seedEnrollment, seedJourney, seedPatient } from './seed.js';
import { eventually } from '../support/eventually.js';

export const PUBLIC_URL = 'https://carepath.example.org';
export const SENDER = '+15017122661';

function journey(document: unknown): JourneyDocument {
  const result = validateJourney(document);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.document;
}

/** A yes/no question by SMS with an email fallback when the text cannot be delivered. */
export const question = journey({
  schemaVersion: 2,
  name: 'First-dose question by SMS, email fallback',
  settings: { consentPurpose: 'adherence-support', notUnderstood: 'Sorry, please reply 1 or 2.' },
  start: 'ask',
  steps: {
    ask: {
      type: 'message',
      channel: 'sms',
      connector: 'twilio-sms',
      template: 'Hi {{ patient.firstName }}, did you take your first dose? Reply 1 for yes, 2 for no.',
      await: {
        classes: [
          { id: 'yes', match: ['1', 'yes'] },
          { id: 'no', match: ['2', 'no'] },
        ],
        timeout: 'P1D',
      },
      outputs: { yes: 'done', no: 'done', timeout: 'done', failed: 'by-email' },
    },
    'by-email': {
      type: 'message',
      channel: 'email',
      connector: 'smtp-email',
      subject: 'Your first dose',
      template: 'Hi {{ patient.firstName }},\n\nWe could not reach you by text. How did your first dose go?',
      outputs: { next: 'done' },
    },
    done: { type: 'end' },
  },
});

/** A refill check by phone call: the patient presses 1 or 2. */
export const call = journey({
  schemaVersion: 2,
  name: 'Refill check by phone',
  settings: { consentPurpose: 'refill-reminders' },
  start: 'call',
  steps: {
    call: {
      type: 'message',
      channel: 'voice',
      connector: 'twilio-voice',
      template: 'Hello {{ patient.firstName }}. Press 1 if you picked up your refill, or 2 to talk to your pharmacist.',
      await: {
        classes: [
          { id: 'picked-up', match: ['1'] },
          { id: 'pharmacist', match: ['2', 'pharmacist'] },
        ],
        timeout: 'P1D',
      },
      outputs: { 'picked-up': 'done', pharmacist: 'done', timeout: 'done' },
    },
    done: { type: 'end' },
  },
});

/** The channel tests' waits: up to 20,000 ms. */
export const until = <T>(probe: () => Promise<T | undefined | false | null>, what: string) =>
  eventually(probe, what, 20_000);

export const inboundSms = (from: string, body: string) => ({
  AccountSid: FAKE_ACCOUNT_SID,
  MessageSid: `SM${Math.random().toString(16).slice(2).padEnd(32, '0').slice(0, 32)}`,
  From: from,
  To: SENDER,
  Body: body,
  SmsStatus: 'received',
});

export type Channels = Awaited<ReturnType<typeof startChannels>>;

/** Starts the providers' fakes, Temporal, the worker with the provider connectors, and the webhook routes. */
export async function startChannels() {
  const twilio = await startFakeTwilio();
  const smtp = await startSmtpListener(['moved-away@example.org']);
  const harness = await startHarness(
    'carepath-channels-test',
    () => createTimeSkippingEnv(),
    (registry) => {
      registry.register(createTwilioSmsConnector(), {
        accountSid: FAKE_ACCOUNT_SID,
        authToken: FAKE_AUTH_TOKEN,
        from: SENDER,
        baseUrl: twilio.baseUrl,
        webhookUrl: `${PUBLIC_URL}/webhooks/twilio-sms`,
      });
      registry.register(createTwilioVoiceConnector(), {
        accountSid: FAKE_ACCOUNT_SID,
        authToken: FAKE_AUTH_TOKEN,
        from: SENDER,
        baseUrl: twilio.baseUrl,
        webhookUrl: `${PUBLIC_URL}/webhooks/twilio-voice`,
      });
      registry.register(createSmtpEmailConnector(), {
        host: smtp.host,
        port: smtp.port,
        from: 'care@example.org',
        webhookUrl: `${PUBLIC_URL}/webhooks/smtp-email`,
        unsubscribeSecret: 'unsubscribe-secret-for-integration',
      });
    },
  );
  const webhooks = createWebhookApp({
    db: harness.database.db,
    connectors: harness.connectors,
    temporal: () => ({ client: harness.env.client, taskQueue: harness.taskQueue }),
    publicUrl: PUBLIC_URL,
  });

  async function enroll(phone: string | null, email: string | null = null, name = 'Ada Lovelace') {
    const { db } = harness.database;
    const seeded = await seedJourney(db, question);
    const patientId = await seedPatient(db, { name, phone, email });
    const input = await seedEnrollment(db, seeded, patientId);
    await startEnrollment(harness.env.client, harness.taskQueue, input);
    return {
      ...input,
      patientId,
      state: () => enrollmentState(harness.env.client, input.workflowId),
    };
  }

  /** Posts a webhook the way Twilio would: form-encoded, signed over the public URL and the parameters with the auth token. */
  function postTwilio(params: Record<string, string>, authToken = FAKE_AUTH_TOKEN) {
    return webhooks.request('/webhooks/twilio-sms', {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': twilioSignature(authToken, `${PUBLIC_URL}/webhooks/twilio-sms`, params),
      },
      body: new URLSearchParams(params).toString(),
    });
  }

  const inboundOf = async (patientId: string) =>
    harness.database.db
      .select()
      .from(messages)
      .where(and(eq(messages.patientId, patientId), eq(messages.direction, 'inbound')));

  return {
    harness,
    twilio,
    smtp,
    webhooks,
    enroll,
    postTwilio,
    inboundOf,
    async stop() {
      await harness.stop();
      await twilio.close();
      await smtp.close();
    },
  };
}
