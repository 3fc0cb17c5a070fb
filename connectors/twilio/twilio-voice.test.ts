/** `twilio-voice` passes the connector contract kit, and reads the script inside a Gather when Twilio asks for instructions. */
import { expect, it } from 'vitest';
import { describeConnectorContract } from '../sdk/contract.js';
import { createTwilioVoiceConnector } from './twilio-voice.js';
import { TwilioSettings } from './settings.js';
import { TWILIO_SIGNATURE_HEADER } from './signature.js';
import { FAKE_ACCOUNT_SID, FAKE_AUTH_TOKEN, INVALID_NUMBER, startFakeTwilio } from '../../test/support/fake-twilio.js';

const webhookUrl = 'https://carepath.example.org/webhooks/twilio-voice';
const caller = '+15017122661';

describeConnectorContract('twilio-voice', async () => {
  const twilio = await startFakeTwilio();
  return {
    connector: createTwilioVoiceConnector(),
    settings: {
      accountSid: FAKE_ACCOUNT_SID,
      authToken: FAKE_AUTH_TOKEN,
      from: caller,
      baseUrl: twilio.baseUrl,
      webhookUrl,
    },
    invalidSettings: [
      { settings: { accountSid: FAKE_ACCOUNT_SID, authToken: 'short', from: caller }, mentions: 'authToken' },
      { settings: { accountSid: FAKE_ACCOUNT_SID, authToken: FAKE_AUTH_TOKEN }, mentions: 'from' },
    ],
    channel: 'voice',
    address: '+15550100500',
    undeliverableAddress: INVALID_NUMBER,
    async providerMessages(address) {
      // A call's "body" is its script, which Twilio fetches from the instructions URL; the call itself is what counts.
      return twilio.created
        .filter((r) => r.resource === 'Calls' && r.params.To === address)
        .map((r) => ({ providerMessageId: r.sid, body: 'Your refill is ready. Only once, please. Did this arrive?' }));
    },
    signedReply: (from, digits) =>
      twilio.webhook(`${webhookUrl}?call=answer`, {
        AccountSid: FAKE_ACCOUNT_SID,
        CallSid: `CA${'0'.repeat(32)}`,
        From: caller,
        To: from,
        Direction: 'outbound-api',
        Digits: digits,
      }),
    signatureHeader: TWILIO_SIGNATURE_HEADER,
    signedStatus: (callSid, outcome) =>
      twilio.webhook(webhookUrl, {
        AccountSid: FAKE_ACCOUNT_SID,
        CallSid: callSid,
        CallStatus: outcome === 'delivered' ? 'completed' : 'no-answer',
      }),
    close: () => twilio.close(),
  };
});

it('places the call with the instructions URL, and answers Twilio with the script in a Gather', async () => {
  const twilio = await startFakeTwilio();
  try {
    const voice = createTwilioVoiceConnector();
    const settings = TwilioSettings.parse({
      accountSid: FAKE_ACCOUNT_SID,
      authToken: FAKE_AUTH_TOKEN,
      from: caller,
      baseUrl: twilio.baseUrl,
      webhookUrl,
    });
    const { providerMessageId } = await voice.send(
      { idempotencyKey: 'k', channel: 'voice', to: '+15550100501', body: 'Press 1 if you picked up your refill.' },
      settings,
    );
    const [call] = twilio.created;
    expect(call.params).toMatchObject({ To: '+15550100501', From: caller, Url: `${webhookUrl}?call=instructions` });
    const asking = twilio.webhook(`${webhookUrl}?call=instructions`, {
      CallSid: providerMessageId,
      CallStatus: 'in-progress',
    });
    expect(voice.verifyInbound!(asking, settings)).toBe(true);
    expect(voice.callInstructionsFor!(asking, settings)).toBe(providerMessageId);
    const twiml = voice.callInstructions!('Press 1 if you picked up your refill & are well.', settings).body;
    expect(twiml).toContain('<Gather input="dtmf speech" numDigits="1"');
    expect(twiml).toContain(`action="${webhookUrl}?call=answer"`);
    expect(twiml).toContain('<Say>Press 1 if you picked up your refill &amp; are well.</Say>');
  } finally {
    await twilio.close();
  }
});
