/** `twilio-sms` finding a text an earlier attempt got Twilio to accept (Twilio ignores idempotency keys): same number, text and sender, created since the attempt. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTwilioSmsConnector } from './twilio-sms.js';
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
