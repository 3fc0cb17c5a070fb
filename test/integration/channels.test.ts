/**
 * Real channels on a real Temporal server, with the providers faked only at the network edge: SMS through a loopback
 * server speaking Twilio's protocol, email to a real SMTP listener, signed webhooks into the real webhook routes
 * (the world they run in: channels-harness.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { addressOptOuts, messages, patients } from '../../runtime/db/schema.js';
import { enrollmentState, startEnrollment } from '../../runtime/temporal/client.js';
import { twilioSignature } from '../../connectors/twilio/signature.js';
import { FAKE_ACCOUNT_SID, FAKE_AUTH_TOKEN } from '../support/fake-twilio.js';
import { seedEnrollment, seedJourney, seedPatient } from './seed.js';
import {
  call,
  inboundSms,
  PUBLIC_URL,
  question,
  SENDER,
  startChannels,
  until,
  type Channels,
} from './channels-harness.js';

let channels: Channels;

beforeAll(async () => {
  channels = await startChannels();
}, 300_000);

afterAll(() => channels?.stop(), 60_000);

describe('SMS through a Twilio-shaped provider', () => {
  it('sends through the provider, refuses a forged reply, answers one it does not understand, and takes the branch of a signed one', async () => {
    const run = await channels.enroll('+15550100201');
    const [sent] = await until(
      async () => channels.twilio.messagesTo('+15550100201').length > 0 && channels.twilio.messagesTo('+15550100201'),
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
    const refused = await channels.postTwilio(inboundSms('+15550100201', '1'), 'e'.repeat(32));
    expect(refused.status).toBe(403);
    expect(await channels.inboundOf(run.patientId)).toEqual([]);
    const unsigned = await channels.webhooks.request('/webhooks/twilio-sms', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(inboundSms('+15550100201', '1')).toString(),
    });
    expect(unsigned.status).toBe(403);
    expect((await run.state())?.phase.kind).toBe('awaiting-reply');

    // A reply in no class: recorded, answered with the journey's text, and the journey keeps waiting.
    const maybe = await channels.postTwilio(inboundSms('+15550100201', 'maybe'));
    expect(maybe.status).toBe(200);
    expect(maybe.headers.get('content-type')).toContain('text/xml');
    expect((await channels.inboundOf(run.patientId)).map((m) => [m.body, m.status])).toEqual([
      ['maybe', 'not-understood'],
    ]);
    expect(channels.twilio.messagesTo('+15550100201').map((m) => m.params.Body)).toContain(
      'Sorry, please reply 1 or 2.',
    );
    expect((await run.state())?.phase.kind).toBe('awaiting-reply');

    const yes = await channels.postTwilio(inboundSms('+15550100201', ' 1 '));
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
    const run = await channels.enroll('+15550100202', 'Grace@Example.org', 'Grace Hopper');
    const [sent] = await until(
      async () => channels.twilio.messagesTo('+15550100202').length > 0 && channels.twilio.messagesTo('+15550100202'),
      'the SMS',
    );
    await until(async () => (await run.state())?.phase.kind === 'awaiting-reply', 'the question to await a reply');

    const report = await channels.postTwilio({
      AccountSid: FAKE_ACCOUNT_SID,
      MessageSid: sent.sid,
      MessageStatus: 'undelivered',
      SmsStatus: 'undelivered',
      ErrorCode: '30003',
    });
    expect(report.status).toBe(200);
    const [mail] = await channels.smtp.waitFor('grace@example.org');
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

    const [patient] = await channels.harness.database.db.select().from(patients).where(eq(patients.id, run.patientId));
    expect(patient.phoneProblem).toBe('sms undelivered: Twilio error 30003');
    expect(patient.phoneProblemAt).not.toBeNull();
    const [message] = await channels.harness.database.db
      .select()
      .from(messages)
      .where(eq(messages.providerMessageId, sent.sid));
    expect(message).toMatchObject({ deliveryStatus: 'undelivered', deliveryError: 'Twilio error 30003' });

    // The one-click link opts the address out; a POST to it needs no session, only the link's own signature.
    const link = /^<(.+)>$/.exec(mail.headers['list-unsubscribe'])![1];
    const url = new URL(link);
    expect(url.origin).toBe(PUBLIC_URL);
    const click = await channels.webhooks.request(`${url.pathname}${url.search}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(click.status).toBe(200);
    const [optOut] = await channels.harness.database.db
      .select()
      .from(addressOptOuts)
      .where(eq(addressOptOuts.address, 'grace@example.org'));
    expect(optOut).toMatchObject({ kind: 'email', keyword: 'unsubscribe', connector: 'smtp-email' });

    // The bad phone and the unsubscribed email: a new journey fails at once on both, sending nothing.
    const before = channels.twilio.messagesTo('+15550100202').length;
    const again = await seedEnrollment(
      channels.harness.database.db,
      await seedJourney(channels.harness.database.db, question),
      run.patientId,
    );
    await startEnrollment(channels.harness.env.client, channels.harness.taskQueue, again);
    const refused = await until(async () => {
      const s = await enrollmentState(channels.harness.env.client, again.workflowId);
      return s?.status === 'failed' && s;
    }, 'the second journey to fail');
    expect(refused.reason).toContain("the patient's email address has opted out");
    expect(channels.twilio.messagesTo('+15550100202').length).toBe(before);
  });

  it('a rejected mailbox fails the email send for good and marks the address bad', async () => {
    const run = await channels.enroll('+15005550001', 'moved-away@example.org', 'Alan Turing');
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
    const [patient] = await channels.harness.database.db.select().from(patients).where(eq(patients.id, run.patientId));
    expect(patient.phoneProblem).toContain('21211');
    expect(patient.emailProblem).toContain('550');
  });

  it('STOP from a number stops every journey of every patient on it, and later sends to it; START opts back in', async () => {
    const first = await channels.enroll('+15550100203', null, 'Mary Shelley');
    const second = await channels.enroll('+15550100203', null, 'Percy Shelley');
    for (const run of [first, second])
      await until(async () => (await run.state())?.phase.kind === 'awaiting-reply', 'both questions');

    const stop = await channels.postTwilio(inboundSms('+15550100203', 'Stop'));
    expect(stop.status).toBe(200);
    for (const run of [first, second]) {
      const ended = await until(async () => {
        const s = await run.state();
        return s?.status === 'exited' && s;
      }, 'the exit');
      expect(ended.reason).toBe('opted out (STOP)');
    }
    const sentBefore = channels.twilio.messagesTo('+15550100203').length;
    const third = await channels.enroll('+15550100203', null, 'Claire Clairmont');
    const refused = await until(async () => {
      const s = await third.state();
      return s?.status === 'failed' && s;
    }, 'the refused send');
    expect(refused.path[0]).toMatchObject({
      step: 'ask',
      output: 'failed',
      detail: "the patient's phone number has opted out",
    });
    expect(channels.twilio.messagesTo('+15550100203').length).toBe(sentBefore);

    const start = await channels.postTwilio(inboundSms('+15550100203', 'START'));
    expect(start.status).toBe(200);
    expect(
      await channels.harness.database.db
        .select()
        .from(addressOptOuts)
        .where(eq(addressOptOuts.address, '+15550100203')),
    ).toEqual([]);
    const fourth = await channels.enroll('+15550100203', null, 'Ada Byron');
    await until(async () => channels.twilio.messagesTo('+15550100203').length > sentBefore, 'a text after START');
    expect((await fourth.state())?.status).toBe('running');
  });

  it('HELP is answered with the help text, whatever the journey is doing', async () => {
    await channels.enroll('+15550100204', null, 'Helen Keller');
    const help = await channels.postTwilio(inboundSms('+15550100204', 'help'));
    expect(help.status).toBe(200);
    await until(
      async () => channels.twilio.messagesTo('+15550100204').some((m) => m.params.Body.includes('Reply STOP')),
      'the help answer',
    );
  });

  it('a voice step reads its script through TwiML Say + Gather, and keypad 1 takes its branch', async () => {
    const { db } = channels.harness.database;
    const seeded = await seedJourney(db, call);
    const patientId = await seedPatient(db, { name: 'Rosalind Franklin', phone: '+15550100205' });
    const input = await seedEnrollment(db, seeded, patientId);
    await startEnrollment(channels.harness.env.client, channels.harness.taskQueue, input);
    const state = () => enrollmentState(channels.harness.env.client, input.workflowId);
    const placed = await until(
      async () => channels.twilio.created.find((r) => r.resource === 'Calls' && r.params.To === '+15550100205'),
      'the call',
    );
    expect(placed.params.Url).toBe(`${PUBLIC_URL}/webhooks/twilio-voice?call=instructions`);
    await until(async () => (await state())?.phase.kind === 'awaiting-reply', 'the call to await an answer');

    const signedPost = (path: string, params: Record<string, string>) =>
      channels.webhooks.request(path, {
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
