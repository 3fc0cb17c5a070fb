/**
 * Real channels on a real Temporal server, with the providers faked only at the network edge: SMS through a loopback
 * server speaking Twilio's protocol, email to a real SMTP listener, signed webhooks into the real webhook routes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { validateJourney } from '../../schema/validate.js';
import type { JourneyDocument } from '../../schema/document.js';
import { addressOptOuts, messages, patients } from '../../runtime/db/schema.js';
import { enrollmentState, startEnrollment } from '../../runtime/temporal/client.js';
import { createWebhookApp } from '../../runtime/api/routes/webhooks.js';
import { createTwilioSmsConnector } from '../../connectors/twilio/twilio-sms.js';
import { createSmtpEmailConnector } from '../../connectors/smtp/smtp-email.js';
import { twilioSignature } from '../../connectors/twilio/signature.js';
import { createTwilioVoiceConnector } from '../../connectors/twilio/twilio-voice.js';
import { createTimeSkippingEnv } from '../support/temporal.js';
import { FAKE_ACCOUNT_SID, FAKE_AUTH_TOKEN, startFakeTwilio, type FakeTwilio } from '../support/fake-twilio.js';
import { startSmtpListener, type SmtpListener } from '../support/smtp-listener.js';
import { startHarness, type Harness } from './harness.js';
import { seedEnrollment, seedJourney, seedPatient } from './seed.js';
import { eventually } from '../support/eventually.js';

const PUBLIC_URL = 'https://carepath.example.org';
const SENDER = '+15017122661';

function journey(document: unknown): JourneyDocument {
  const result = validateJourney(document);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.document;
}

/** A yes/no question by SMS with an email fallback when the text cannot be delivered. */
const question = journey({
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
const call = journey({
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

let harness: Harness;
let twilio: FakeTwilio;
let smtp: SmtpListener;
let webhooks: ReturnType<typeof createWebhookApp>;

beforeAll(async () => {
  twilio = await startFakeTwilio();
  smtp = await startSmtpListener(['moved-away@example.org']);
  harness = await startHarness(
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
  webhooks = createWebhookApp({
    db: harness.database.db,
    connectors: harness.connectors,
    temporal: () => ({ client: harness.env.client, taskQueue: harness.taskQueue }),
    publicUrl: PUBLIC_URL,
  });
}, 300_000);

afterAll(async () => {
  await harness?.stop();
  await twilio?.close();
  await smtp?.close();
}, 60_000);

/** This file's waits: up to 20,000 ms. */
const until = <T>(probe: () => Promise<T | undefined | false | null>, what: string) => eventually(probe, what, 20_000);

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

const inboundSms = (from: string, body: string) => ({
  AccountSid: FAKE_ACCOUNT_SID,
  MessageSid: `SM${Math.random().toString(16).slice(2).padEnd(32, '0').slice(0, 32)}`,
  From: from,
  To: SENDER,
  Body: body,
  SmsStatus: 'received',
});

const inboundOf = async (patientId: string) =>
  harness.database.db
    .select()
    .from(messages)
    .where(and(eq(messages.patientId, patientId), eq(messages.direction, 'inbound')));

describe('SMS through a Twilio-shaped provider', () => {
  it('sends through the provider, refuses a forged reply, answers one it does not understand, and takes the branch of a signed one', async () => {
    const run = await enroll('+15550100201');
    const [sent] = await until(
      async () => twilio.messagesTo('+15550100201').length > 0 && twilio.messagesTo('+15550100201'),
      'the SMS',
    );
    expect(sent.params).toMatchObject({
      To: '+15550100201',
      From: SENDER,
      Body: 'Hi Ada, did you take your first dose? Reply 1 for yes, 2 for no.',
      StatusCallback: `${PUBLIC_URL}/webhooks/twilio-sms`,
    });
    expect(sent.idempotencyKey).toBe(`${run.workflowId}:ask:1`);
    await until(async () => (await run.state())?.phase.kind === 'awaiting-reply', 'the question to await a reply');

    // Signed with another account's token: refused, and nothing is stored.
    const refused = await postTwilio(inboundSms('+15550100201', '1'), 'e'.repeat(32));
    expect(refused.status).toBe(403);
    expect(await inboundOf(run.patientId)).toEqual([]);
    const unsigned = await webhooks.request('/webhooks/twilio-sms', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(inboundSms('+15550100201', '1')).toString(),
    });
    expect(unsigned.status).toBe(403);
    expect((await run.state())?.phase.kind).toBe('awaiting-reply');

    // A reply in no class: recorded, answered with the journey's text, and the journey keeps waiting.
    const maybe = await postTwilio(inboundSms('+15550100201', 'maybe'));
    expect(maybe.status).toBe(200);
    expect(maybe.headers.get('content-type')).toContain('text/xml');
    expect((await inboundOf(run.patientId)).map((m) => [m.body, m.status])).toEqual([['maybe', 'not-understood']]);
    expect(twilio.messagesTo('+15550100201').map((m) => m.params.Body)).toContain('Sorry, please reply 1 or 2.');
    expect((await run.state())?.phase.kind).toBe('awaiting-reply');

    const yes = await postTwilio(inboundSms('+15550100201', ' 1 '));
    expect(yes.status).toBe(200);
    const final = await until(async () => {
      const s = await run.state();
      return s?.status === 'completed' && s;
    }, 'the journey to complete');
    expect(final.path.map((p) => [p.step, p.output])).toEqual([
      ['ask', 'yes'],
      ['done', undefined],
    ]);
  });

  it('an undelivered report takes the email fallback, marks the phone bad, and the email has both parts and one-click unsubscribe', async () => {
    const run = await enroll('+15550100202', 'Grace@Example.org', 'Grace Hopper');
    const [sent] = await until(
      async () => twilio.messagesTo('+15550100202').length > 0 && twilio.messagesTo('+15550100202'),
      'the SMS',
    );
    await until(async () => (await run.state())?.phase.kind === 'awaiting-reply', 'the question to await a reply');

    const report = await postTwilio({
      AccountSid: FAKE_ACCOUNT_SID,
      MessageSid: sent.sid,
      MessageStatus: 'undelivered',
      SmsStatus: 'undelivered',
      ErrorCode: '30003',
    });
    expect(report.status).toBe(200);
    const [mail] = await smtp.waitFor('grace@example.org');
    expect(mail.headers['subject']).toBe('Your first dose');
    expect(mail.parts['text/plain']).toContain('We could not reach you by text.');
    expect(mail.parts['text/html']).toContain('<p>We could not reach you by text. How did your first dose go?</p>');
    expect(mail.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    const final = await until(async () => {
      const s = await run.state();
      return s?.status === 'completed' && s;
    }, 'the journey to complete');
    expect(final.path.map((p) => [p.step, p.output])).toEqual([
      ['ask', 'failed'],
      ['by-email', 'next'],
      ['done', undefined],
    ]);

    const [patient] = await harness.database.db.select().from(patients).where(eq(patients.id, run.patientId));
    expect(patient.phoneProblem).toBe('sms undelivered: Twilio error 30003');
    expect(patient.phoneProblemAt).not.toBeNull();
    const [message] = await harness.database.db.select().from(messages).where(eq(messages.providerMessageId, sent.sid));
    expect(message).toMatchObject({ deliveryStatus: 'undelivered', deliveryError: 'Twilio error 30003' });

    // The one-click link opts the address out; a POST to it needs no session, only the link's own signature.
    const link = /^<(.+)>$/.exec(mail.headers['list-unsubscribe'])![1];
    const url = new URL(link);
    expect(url.origin).toBe(PUBLIC_URL);
    const click = await webhooks.request(`${url.pathname}${url.search}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(click.status).toBe(200);
    const [optOut] = await harness.database.db
      .select()
      .from(addressOptOuts)
      .where(eq(addressOptOuts.address, 'grace@example.org'));
    expect(optOut).toMatchObject({ kind: 'email', keyword: 'unsubscribe', connector: 'smtp-email' });

    // The bad phone and the unsubscribed email: a new journey fails at once on both, sending nothing.
    const before = twilio.messagesTo('+15550100202').length;
    const again = await seedEnrollment(
      harness.database.db,
      await seedJourney(harness.database.db, question),
      run.patientId,
    );
    await startEnrollment(harness.env.client, harness.taskQueue, again);
    const refused = await until(async () => {
      const s = await enrollmentState(harness.env.client, again.workflowId);
      return s?.status === 'failed' && s;
    }, 'the second journey to fail');
    expect(refused.reason).toContain("the patient's email address has opted out");
    expect(twilio.messagesTo('+15550100202').length).toBe(before);
  });

  it('a rejected mailbox fails the email send for good and marks the address bad', async () => {
    const run = await enroll('+15005550001', 'moved-away@example.org', 'Alan Turing');
    // Twilio refuses the number (21211), then the mail server refuses the mailbox (550): both contacts are bad,
    // and with no fallback left the enrollment fails with the mail server's reason.
    const final = await until(async () => {
      const s = await run.state();
      return s?.status === 'failed' && s;
    }, 'the journey to fail');
    expect(final.path.map((p) => [p.step, p.output])).toEqual([
      ['ask', 'failed'],
      ['by-email', undefined],
    ]);
    expect(final.reason).toContain('The mail server refused the message');
    const [patient] = await harness.database.db.select().from(patients).where(eq(patients.id, run.patientId));
    expect(patient.phoneProblem).toContain('21211');
    expect(patient.emailProblem).toContain('550');
  });

  it('STOP from a number stops every journey of every patient on it, and later sends to it; START opts back in', async () => {
    const first = await enroll('+15550100203', null, 'Mary Shelley');
    const second = await enroll('+15550100203', null, 'Percy Shelley');
    for (const run of [first, second])
      await until(async () => (await run.state())?.phase.kind === 'awaiting-reply', 'both questions');

    const stop = await postTwilio(inboundSms('+15550100203', 'Stop'));
    expect(stop.status).toBe(200);
    for (const run of [first, second]) {
      const ended = await until(async () => {
        const s = await run.state();
        return s?.status === 'exited' && s;
      }, 'the exit');
      expect(ended.reason).toBe('opted out (STOP)');
    }
    const sentBefore = twilio.messagesTo('+15550100203').length;
    const third = await enroll('+15550100203', null, 'Claire Clairmont');
    const refused = await until(async () => {
      const s = await third.state();
      return s?.status === 'failed' && s;
    }, 'the refused send');
    expect(refused.path[0]).toMatchObject({
      step: 'ask',
      output: 'failed',
      detail: "the patient's phone number has opted out",
    });
    expect(twilio.messagesTo('+15550100203').length).toBe(sentBefore);

    const start = await postTwilio(inboundSms('+15550100203', 'START'));
    expect(start.status).toBe(200);
    expect(
      await harness.database.db.select().from(addressOptOuts).where(eq(addressOptOuts.address, '+15550100203')),
    ).toEqual([]);
    const fourth = await enroll('+15550100203', null, 'Ada Byron');
    await until(async () => twilio.messagesTo('+15550100203').length > sentBefore, 'a text after START');
    expect((await fourth.state())?.status).toBe('running');
  });

  it('HELP is answered with the help text, whatever the journey is doing', async () => {
    await enroll('+15550100204', null, 'Helen Keller');
    const help = await postTwilio(inboundSms('+15550100204', 'help'));
    expect(help.status).toBe(200);
    await until(
      async () => twilio.messagesTo('+15550100204').some((m) => m.params.Body.includes('Reply STOP')),
      'the help answer',
    );
  });

  it('a voice step reads its script through TwiML Say + Gather, and keypad 1 takes its branch', async () => {
    const { db } = harness.database;
    const seeded = await seedJourney(db, call);
    const patientId = await seedPatient(db, { name: 'Rosalind Franklin', phone: '+15550100205' });
    const input = await seedEnrollment(db, seeded, patientId);
    await startEnrollment(harness.env.client, harness.taskQueue, input);
    const state = () => enrollmentState(harness.env.client, input.workflowId);
    const placed = await until(
      async () => twilio.created.find((r) => r.resource === 'Calls' && r.params.To === '+15550100205'),
      'the call',
    );
    expect(placed.params.Url).toBe(`${PUBLIC_URL}/webhooks/twilio-voice?call=instructions`);
    await until(async () => (await state())?.phase.kind === 'awaiting-reply', 'the call to await an answer');

    const signedPost = (path: string, params: Record<string, string>) =>
      webhooks.request(path, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-twilio-signature': twilioSignature(FAKE_AUTH_TOKEN, `${PUBLIC_URL}${path}`, params),
        },
        body: new URLSearchParams(params).toString(),
      });
    const base = {
      AccountSid: FAKE_ACCOUNT_SID,
      CallSid: placed.sid,
      From: SENDER,
      To: '+15550100205',
      Direction: 'outbound-api',
    };
    const instructions = await signedPost('/webhooks/twilio-voice?call=instructions', {
      ...base,
      CallStatus: 'in-progress',
    });
    expect(instructions.status).toBe(200);
    const twiml = await instructions.text();
    expect(twiml).toContain(
      '<Say>Hello Rosalind. Press 1 if you picked up your refill, or 2 to talk to your pharmacist.</Say>',
    );
    expect(twiml).toContain(`action="${PUBLIC_URL}/webhooks/twilio-voice?call=answer"`);

    const answer = await signedPost('/webhooks/twilio-voice?call=answer', { ...base, Digits: '1' });
    expect(answer.status).toBe(200);
    const final = await until(async () => {
      const s = await state();
      return s?.status === 'completed' && s;
    }, 'the journey to complete');
    expect(final.path.map((p) => [p.step, p.output])).toEqual([
      ['call', 'picked-up'],
      ['done', undefined],
    ]);
  });
});
