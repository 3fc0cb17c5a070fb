/** `twilio-sms` and `twilio-voice` finding a text or call an earlier attempt got Twilio to accept (Twilio ignores idempotency keys): same number and sender (and text), created since the attempt. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTwilioSmsConnector } from './twilio-sms.js';
import { createTwilioVoiceConnector } from './twilio-voice.js';
import type { TwilioSettings } from './settings.js';
import { FAKE_ACCOUNT_SID, FAKE_AUTH_TOKEN, startFakeTwilio, type FakeTwilio } from '../../test/support/fake-twilio.js';

const connector = createTwilioSmsConnector();
let twilio: FakeTwilio;
let settings: TwilioSettings;
const message = (body: string, to = '+15550100900') => ({
  idempotencyKey: 'wf:remind:1',
  channel: 'sms' as const,
  to,
  body,
});

beforeAll(async () => {
  twilio = await startFakeTwilio(FAKE_ACCOUNT_SID, FAKE_AUTH_TOKEN, { honourIdempotencyKey: false });
  settings = {
    accountSid: FAKE_ACCOUNT_SID,
    authToken: FAKE_AUTH_TOKEN,
    from: '+15017122661',
    baseUrl: twilio.baseUrl,
    webhookUrl: 'https://care.example.org/api/webhooks/twilio-voice',
  };
});

afterAll(() => twilio?.close());

describe('twilio-sms findSent', () => {
  it("finds the text among the number's newest messages, and nothing for another text, number, sender or time", async () => {
    const attemptStarted = new Date();
    const { providerMessageId } = await connector.send(message('Your refill is ready.'), settings);
    await connector.send(message('Something else.'), settings);

    expect(await connector.findSent!(message('Your refill is ready.'), attemptStarted, settings)).toEqual({
      providerMessageId,
    });
    expect(await connector.findSent!(message('Your refill is due.'), attemptStarted, settings)).toBeUndefined();
    expect(
      await connector.findSent!(message('Your refill is ready.', '+15550100901'), attemptStarted, settings),
    ).toBeUndefined();
    expect(
      await connector.findSent!(message('Your refill is ready.'), attemptStarted, {
        ...settings,
        from: '+15017122662',
      }),
    ).toBeUndefined();
    // A text from before the attempt began (beyond a minute's clock slack) is an earlier send, not this one.
    const muchLater = new Date(Date.now() + 5 * 60_000);
    expect(await connector.findSent!(message('Your refill is ready.'), muchLater, settings)).toBeUndefined();
  });

  it('fails rather than answer "not sent" when Twilio cannot list the messages', async () => {
    await expect(
      connector.findSent!(message('Your refill is ready.'), new Date(), { ...settings, authToken: 'x'.repeat(32) }),
    ).rejects.toThrow(/HTTP 401/);
  });
});

describe('twilio-voice findSent', () => {
  const voice = createTwilioVoiceConnector();
  const call = (to = '+15550100950') => ({
    idempotencyKey: 'wf:call:1',
    channel: 'voice' as const,
    to,
    body: 'This is your care team calling about your refill. Press 1 if you picked it up.',
  });

  it('finds the call placed to the patient since the attempt began, and none to another number, from another sender or before', async () => {
    const attemptStarted = new Date();
    const { providerMessageId } = await voice.send(call(), settings);
    expect(providerMessageId).toMatch(/^CA/);

    expect(await voice.findSent!(call(), attemptStarted, settings)).toEqual({ providerMessageId });
    expect(await voice.findSent!(call('+15550100951'), attemptStarted, settings)).toBeUndefined();
    expect(await voice.findSent!(call(), attemptStarted, { ...settings, from: '+15017122662' })).toBeUndefined();
    expect(await voice.findSent!(call(), new Date(Date.now() + 5 * 60_000), settings)).toBeUndefined();
    // A text to the same number is not a call.
    await connector.send(message('Your refill is ready.', '+15550100952'), settings);
    expect(await voice.findSent!(call('+15550100952'), attemptStarted, settings)).toBeUndefined();
  });

  it("skips a call that is already another message's: an earlier, busy call of the same step is not this one", async () => {
    const attemptStarted = new Date();
    const busy = await voice.send(call('+15550100953'), settings);
    // Only the busy call exists: it is recorded as the earlier message, so this attempt placed nothing.
    const recorded = new Set([busy.providerMessageId]);
    const isRecorded = async (sid: string) => recorded.has(sid);
    expect(await voice.findSent!(call('+15550100953'), attemptStarted, settings, isRecorded)).toBeUndefined();
    // The lost attempt did place its call: that one is found, not the busy one.
    const placed = await voice.send(call('+15550100953'), settings);
    expect(await voice.findSent!(call('+15550100953'), attemptStarted, settings, isRecorded)).toEqual(placed);
  });

  it('fails rather than answer "not placed" when Twilio cannot list the calls', async () => {
    await expect(voice.findSent!(call(), new Date(), { ...settings, authToken: 'x'.repeat(32) })).rejects.toThrow(
      /call list answered HTTP 401/,
    );
  });
});
