/** `smtp-email`: email through any SMTP server with nodemailer; multipart text + HTML, one-click unsubscribe (RFC 8058), 5xx as final. */
import { createHash } from 'node:crypto';
import nodemailer, { type Transporter } from 'nodemailer';
import { PermanentSendError, type Connector, type InboundMessage } from '../sdk/connector.js';
import { SmtpSettings } from './settings.js';
import { unsubscribedAddress, unsubscribeUrl } from './unsubscribe.js';
import { htmlPart, textPart } from '../../schema/templates/email-parts.js';

/** What nodemailer attaches to a failed send: the server's reply code and the command it answered. */
interface SmtpFailure extends Error {
  responseCode?: number;
  command?: string;
}

export function createSmtpEmailConnector(): Connector<SmtpSettings> {
  // One pooled transport per settings object: a new connection per message would be slow, and settings rarely change.
  const transports = new WeakMap<SmtpSettings, Transporter>();
  const transportFor = (settings: SmtpSettings) => {
    let transport = transports.get(settings);
    if (!transport) {
      transport = nodemailer.createTransport({
        host: settings.host,
        port: settings.port,
        secure: settings.secure,
        requireTLS: settings.requireTls,
        ...(settings.user ? { auth: { user: settings.user, pass: settings.password ?? '' } } : {}),
      });
      transports.set(settings, transport);
    }
    return transport;
  };

  return {
    id: 'smtp-email',
    name: 'Email over SMTP',
    channels: ['email'],
    settingsSchema: SmtpSettings,
    async send(message, settings) {
      const to = message.to.toLowerCase();
      const unsubscribe = unsubscribeUrl(settings.webhookUrl, settings.unsubscribeSecret, to);
      // The Message-ID comes from the idempotency key: a retried send is the same message, and mail systems drop duplicates.
      const domain = settings.from.split('@')[1];
      const messageId = `<${createHash('sha256').update(message.idempotencyKey).digest('hex').slice(0, 40)}@${domain}>`;
      try {
        const info = await transportFor(settings).sendMail({
          from: settings.fromName ? { name: settings.fromName, address: settings.from } : settings.from,
          to,
          subject: message.subject ?? '',
          messageId,
          text: textPart(message.body, unsubscribe),
          html: htmlPart(message.body, unsubscribe, message.subject),
          headers: {
            'List-Unsubscribe': `<${unsubscribe}>`,
            'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
          },
        });
        return { providerMessageId: info.messageId ?? messageId };
      } catch (error) {
        const failure = error as SmtpFailure;
        // 5xx is the server's final word; 4xx and lost connections are worth retrying.
        if (failure.responseCode !== undefined && failure.responseCode >= 500)
          throw new PermanentSendError(`The mail server refused the message: ${failure.message}`, {
            badAddress: failure.command === 'RCPT TO',
          });
        throw error;
      }
    },
    // The only webhook of this connector is the unsubscribe link: its token is the signature.
    verifyInbound(request, settings) {
      return unsubscribedAddress(settings.unsubscribeSecret, request.url) !== undefined;
    },
    parseInbound(request, settings): InboundMessage[] {
      const address = unsubscribedAddress(settings.unsubscribeSecret, request.url);
      return address ? [{ channel: 'email', from: address, body: 'UNSUBSCRIBE' }] : [];
    },
    // Mail clients ignore the answer; a person who pressed the button on the link's page reads it.
    webhookReply: () => ({
      contentType: 'text/html; charset=utf-8',
      body: '<!doctype html><html><body style="font-family: sans-serif"><h1>You are unsubscribed</h1><p>You will get no more emails from this program.</p></body></html>',
    }),
  };
}
