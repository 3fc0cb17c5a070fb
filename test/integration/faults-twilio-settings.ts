/** The `twilio-sms` settings both workers of the Twilio fault test use: the fake's account, a sender, its address. */
import { FAKE_ACCOUNT_SID, FAKE_AUTH_TOKEN } from '../support/fake-twilio.js';

export const SENDER = '+15017122661';

export const twilioSettings = (baseUrl: string) => ({
  accountSid: FAKE_ACCOUNT_SID,
  authToken: FAKE_AUTH_TOKEN,
  from: SENDER,
  baseUrl,
  webhookUrl: 'https://carepath.example.org/webhooks/twilio-sms',
});
