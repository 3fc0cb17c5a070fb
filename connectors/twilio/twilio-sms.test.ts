/** `twilio-sms` passes the connector contract kit against a loopback server speaking Twilio's protocol. */
import { describeConnectorContract } from '../sdk/contract.js';
import { createTwilioSmsConnector } from './twilio-sms.js';
import { TWILIO_SIGNATURE_HEADER } from './signature.js';
import { FAKE_ACCOUNT_SID, FAKE_AUTH_TOKEN, INVALID_NUMBER, startFakeTwilio } from '../../test/support/fake-twilio.js';

const webhookUrl = 'https://carepath.example.org/api/webhooks/twilio-sms';

describeConnectorContract('twilio-sms', async () => {
  const twilio = await startFakeTwilio();
  return {
    connector: createTwilioSmsConnector(),
    settings: {
      accountSid: FAKE_ACCOUNT_SID,
      authToken: FAKE_AUTH_TOKEN,
      from: '+15017122661',
      baseUrl: twilio.baseUrl,
      webhookUrl,
    },
    invalidSettings: [
      { settings: { accountSid: 'nope', authToken: FAKE_AUTH_TOKEN, from: '+15017122661' }, mentions: 'accountSid' },
      { settings: { accountSid: FAKE_ACCOUNT_SID, authToken: FAKE_AUTH_TOKEN }, mentions: 'from' },
      {
        settings: { accountSid: FAKE_ACCOUNT_SID, authToken: FAKE_AUTH_TOKEN, from: '+1501', baseUrl: 'not a url' },
        mentions: 'baseUrl',
      },
    ],
    channel: 'sms',
    address: '+15550100200',
    undeliverableAddress: INVALID_NUMBER,
    async providerMessages(address) {
      return twilio.messagesTo(address).map((m) => ({ providerMessageId: m.sid, body: m.params.Body }));
    },
    signedReply: (from, body) =>
      twilio.webhook(webhookUrl, {
        AccountSid: FAKE_ACCOUNT_SID,
        MessageSid: `SM${'0'.repeat(32)}`,
        From: from,
        To: '+15017122661',
        Body: body,
        NumMedia: '0',
        SmsStatus: 'received',
      }),
    signatureHeader: TWILIO_SIGNATURE_HEADER,
    signedStatus: (providerMessageId, outcome) =>
      twilio.webhook(webhookUrl, {
        AccountSid: FAKE_ACCOUNT_SID,
        MessageSid: providerMessageId,
        MessageStatus: outcome === 'delivered' ? 'delivered' : 'undelivered',
        SmsStatus: outcome === 'delivered' ? 'delivered' : 'undelivered',
        ...(outcome === 'failed' ? { ErrorCode: '30003', ErrorMessage: 'Unreachable destination handset' } : {}),
      }),
    close: () => twilio.close(),
  };
});
