/** `smtp-email` passes the connector contract kit against a real SMTP listener on loopback, and writes RFC 8058 unsubscribe headers. */
import { expect, it } from 'vitest';
import { describeConnectorContract } from '../sdk/contract.js';
import { createSmtpEmailConnector } from './smtp-email.js';
import { SmtpSettings } from './settings.js';
import { unsubscribedAddress, unsubscribeUrl } from './unsubscribe.js';
import { startSmtpListener } from '../../test/support/smtp-listener.js';

const webhookUrl = 'https://carepath.example.org/api/webhooks/smtp-email';
const secret = 'unsubscribe-secret-for-tests';
const oneClick = (url: string) => ({
  url,
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  rawBody: 'List-Unsubscribe=One-Click',
});

describeConnectorContract('smtp-email', async () => {
  const smtp = await startSmtpListener(['nobody@example.org']);
  return {
    connector: createSmtpEmailConnector(),
    settings: {
      host: smtp.host,
      port: smtp.port,
      from: 'care@example.org',
      webhookUrl,
      unsubscribeSecret: secret,
    },
    invalidSettings: [
      { settings: { host: 'h', from: 'not-an-address', webhookUrl, unsubscribeSecret: secret }, mentions: 'from' },
      {
        settings: {
          host: 'h',
          from: 'a@b.org',
          webhookUrl: 'http://carepath.example.org/x',
          unsubscribeSecret: secret,
        },
        mentions: 'webhookUrl',
      },
      {
        settings: { host: 'h', from: 'a@b.org', webhookUrl, unsubscribeSecret: 'short' },
        mentions: 'unsubscribeSecret',
      },
    ],
    channel: 'email',
    address: 'ada@example.org',
    undeliverableAddress: 'nobody@example.org',
    // One Message-ID is one message to a mail system: a retried send reuses it, and mailboxes keep one copy.
    async providerMessages(address) {
      const byId = new Map<string, { providerMessageId: string; body: string }>();
      for (const mail of await smtp.waitFor(address))
        byId.set(mail.headers['message-id'], {
          providerMessageId: mail.headers['message-id'],
          body: mail.parts['text/plain'],
        });
      return [...byId.values()];
    },
    signedReply: (from) => oneClick(unsubscribeUrl(webhookUrl, secret, from)),
    inboundBody: 'UNSUBSCRIBE',
    forgeries() {
      const genuine = new URL(unsubscribeUrl(webhookUrl, secret, 'ada@example.org'));
      const [, mac] = genuine.searchParams.get('unsubscribe')!.split('.');
      // Someone else's address under Ada's signature, and a link with no token at all.
      const spliced = new URL(webhookUrl);
      spliced.searchParams.set('unsubscribe', `${Buffer.from('grace@example.org').toString('base64url')}.${mac}`);
      return [oneClick(spliced.toString()), oneClick(webhookUrl)];
    },
    close: () => smtp.close(),
  };
});

it('sends text and HTML parts with the one-click unsubscribe headers, whose link opts that address out', async () => {
  const smtp = await startSmtpListener();
  try {
    const settings = SmtpSettings.parse({
      host: smtp.host,
      port: smtp.port,
      from: 'care@example.org',
      webhookUrl,
      unsubscribeSecret: secret,
    });
    await createSmtpEmailConnector().send(
      {
        idempotencyKey: 'k1',
        channel: 'email',
        to: 'Ada@Example.org',
        subject: 'Your first dose',
        body: 'Hi Ada,\n\nWatch https://example.org/video.',
      },
      settings,
    );
    const [mail] = await smtp.waitFor('ada@example.org');
    expect(mail.headers['subject']).toBe('Your first dose');
    expect(mail.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    const link = /^<(https:\/\/[^>]+)>$/.exec(mail.headers['list-unsubscribe'])?.[1];
    expect(link).toBeDefined();
    expect(unsubscribedAddress(secret, link!)).toBe('ada@example.org');
    expect(mail.parts['text/plain']).toContain('Watch https://example.org/video.');
    expect(mail.parts['text/plain']).toContain(link);
    expect(mail.parts['text/html']).toContain('<a href="https://example.org/video">https://example.org/video</a>');
    expect(mail.parts['text/html']).toContain('Unsubscribe');
  } finally {
    await smtp.close();
  }
});
