/** Settings of the SMTP email connector: the server, the sender, and the public address one-click unsubscribe links point to. */
import { z } from 'zod';

const loopback = (url: string) => ['localhost', '127.0.0.1', '[::1]'].includes(new URL(url).hostname);

export const SmtpSettings = z.object({
  host: z.string().min(1, 'must name the SMTP server').describe('SMTP server host name'),
  port: z.number().int().min(1).max(65535).default(587).describe('587 for STARTTLS, 465 for TLS, 25 for relays'),
  secure: z.boolean().default(false).describe('TLS from the first byte (port 465); otherwise STARTTLS when offered'),
  requireTls: z.boolean().default(false).describe('Refuse to send when the server does not offer STARTTLS'),
  user: z.string().optional().describe('SMTP login, if the server needs one'),
  password: z.string().optional().describe('SMTP password').meta({ writeOnly: true }),
  from: z
    .email('must be an email address such as care@example.org')
    .describe('Sender address patients see and reply to'),
  fromName: z.string().max(100).optional().describe('Sender name patients see'),
  webhookUrl: z
    .url('must be the public https URL of this connector instance')
    .refine(
      (url) => url.startsWith('https://') || loopback(url),
      'must be an https URL: mail clients only offer one-click unsubscribe over https (RFC 8058)',
    )
    .describe('Public URL of this connector’s webhook; unsubscribe links point here'),
  unsubscribeSecret: z
    .string()
    .min(16, 'must be at least 16 characters')
    .describe('Signs unsubscribe links so nobody can unsubscribe someone else')
    .meta({ writeOnly: true }),
});
export type SmtpSettings = z.infer<typeof SmtpSettings>;
