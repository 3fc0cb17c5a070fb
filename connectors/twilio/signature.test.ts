/** Twilio's request signature, checked against the worked example in Twilio's "validating requests" documentation. */
import { expect, it } from 'vitest';
import { isTwilioSigned, twilioSignature } from './signature.js';

const url = 'https://mycompany.com/myapp.php?foo=1&bar=2';
const params = {
  CallSid: 'CA1234567890ABCDE',
  Caller: '+12349013030',
  Digits: '1234',
  From: '+12349013030',
  To: '+18005551212',
};

it("computes the signature of Twilio's documented example", () => {
  expect(twilioSignature('12345', url, params)).toBe('0/KCTR6DLpKmkAf8muzZqo1nDgQ=');
});

it('refuses a signature made with another token, for another URL, or over other parameters', () => {
  expect(isTwilioSigned('12345', url, params, '0/KCTR6DLpKmkAf8muzZqo1nDgQ=')).toBe(true);
  expect(isTwilioSigned('54321', url, params, '0/KCTR6DLpKmkAf8muzZqo1nDgQ=')).toBe(false);
  expect(isTwilioSigned('12345', `${url}&baz=3`, params, '0/KCTR6DLpKmkAf8muzZqo1nDgQ=')).toBe(false);
  expect(isTwilioSigned('12345', url, { ...params, Digits: '1' }, '0/KCTR6DLpKmkAf8muzZqo1nDgQ=')).toBe(false);
  expect(isTwilioSigned('12345', url, params, undefined)).toBe(false);
});
