/** TwiML for calls: the script read aloud inside a Gather that takes one key (or a short spoken answer). */
import type { WebhookReply } from '../sdk/connector.js';

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const twiml = (body: string): WebhookReply => ({
  contentType: 'text/xml',
  body: `<?xml version="1.0" encoding="UTF-8"?><Response>${body}</Response>`,
});

/** Reads the script, waits for a key press or speech, posts it to `action`; says goodbye when nothing comes. */
export function gatherTwiml(script: string, action: string): WebhookReply {
  return twiml(
    `<Gather input="dtmf speech" numDigits="1" timeout="8" action="${escapeXml(action)}" method="POST">` +
      `<Say>${escapeXml(script)}</Say></Gather><Say>We did not get an answer. Goodbye.</Say><Hangup/>`,
  );
}

export function sayTwiml(text: string): WebhookReply {
  return twiml(`<Say>${escapeXml(text)}</Say><Hangup/>`);
}
