/**
 * Provider webhooks at /webhooks/:connector, one per connector instance: replies, keywords, delivery reports and call instructions,
 * each verified with the connector's own signature check first. A missing or wrong signature gets 403 and stores nothing.
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Database } from '../../db/client.js';
import type { ConnectorRegistry, InboundMessage, DeliveryStatus } from '../../../connectors/sdk/index.js';
import type { TemporalAccess } from '../../enrollments/enroll.js';
import { receiveInbound } from '../../enrollments/inbound.js';
import { recordDeliveryStatus } from '../../channels/delivery.js';
import { DomainError } from '../../errors.js';
import { messages } from '../../db/schema.js';
import { and, eq } from 'drizzle-orm';

export interface WebhookDeps {
  db: Database;
  connectors: ConnectorRegistry;
  temporal: () => TemporalAccess | undefined;
  /** The address providers call (`CAREPATH_PUBLIC_URL`); signatures cover it. Defaults to the address the request came to. */
  publicUrl?: string;
}

/** Providers post a few kilobytes; anything larger is not a webhook. */
const MAX_WEBHOOK_BYTES = 64_000;

const problem = (c: Context, status: 400 | 403 | 404 | 413 | 503, code: string, message: string) =>
  c.json({ error: { code, message } }, status);

/** The URL as the provider called it: the public base, then the path and query exactly as received (encoding kept). */
function signedUrl(c: Context, publicUrl: string | undefined): string {
  const received = new URL(c.req.url);
  const base = (publicUrl ?? received.origin).replace(/\/$/, '');
  return `${base}${received.pathname}${received.search}`;
}

export function createWebhookApp(deps: WebhookDeps) {
  const app = new Hono();
  app.use(
    '/webhooks/*',
    bodyLimit({
      maxSize: MAX_WEBHOOK_BYTES,
      onError: (c) => problem(c, 413, 'too-large', `A webhook body may be at most ${MAX_WEBHOOK_BYTES} bytes.`),
    }),
  );

  app.post('/webhooks/:connector', async (c) => {
    const id = c.req.param('connector');
    const entry = await deps.connectors.find(id);
    if (!entry?.connector.verifyInbound)
      return problem(c, 404, 'not-found', `No connector "${id}" takes webhooks on this server.`);
    const request = {
      url: signedUrl(c, deps.publicUrl),
      headers: Object.fromEntries(c.req.raw.headers),
      rawBody: await c.req.text(),
    };
    if (!entry.connector.verifyInbound(request, entry.settings))
      return problem(
        c,
        403,
        'bad-signature',
        `The request does not carry a valid signature from connector "${id}"'s provider; nothing was stored.`,
      );
    // A provider asking what to say on a call (voice): the script is the message the call was placed for.
    const callId = entry.connector.callInstructionsFor?.(request, entry.settings);
    if (callId !== undefined && entry.connector.callInstructions) {
      const [message] = await deps.db
        .select({ body: messages.body })
        .from(messages)
        .where(
          and(eq(messages.connector, id), eq(messages.providerMessageId, callId), eq(messages.direction, 'outbound')),
        );
      const reply = entry.connector.callInstructions(message?.body, entry.settings);
      return c.body(reply.body, 200, { 'content-type': reply.contentType });
    }
    let statuses: DeliveryStatus[];
    let inbound: InboundMessage[];
    try {
      statuses = entry.connector.parseStatuses?.(request, entry.settings) ?? [];
      inbound = entry.connector.parseInbound?.(request, entry.settings) ?? [];
    } catch (error) {
      return problem(c, 400, 'unreadable-webhook', `The webhook body could not be read: ${(error as Error).message}`);
    }
    const temporal = deps.temporal();
    // A reply or STOP needs the workflows; the provider retries a 503, so nothing is lost.
    if (inbound.length > 0 && !temporal)
      return problem(c, 503, 'runtime-unavailable', 'The workflow service is not reachable; try again shortly.');
    try {
      for (const status of statuses) await recordDeliveryStatus({ db: deps.db, temporal: deps.temporal }, id, status);
      for (const message of inbound)
        await receiveInbound({ db: deps.db, temporal: () => temporal!, connectors: deps.connectors }, id, message);
    } catch (error) {
      if (error instanceof DomainError && error.kind === 'unavailable')
        return problem(c, 503, error.code, error.message);
      throw error;
    }
    const reply = entry.connector.webhookReply?.(entry.settings);
    if (reply) return c.body(reply.body, 200, { 'content-type': reply.contentType });
    return c.json({ received: { messages: inbound.length, statuses: statuses.length } }, 200);
  });

  // An unsubscribe link opened in a browser: a page with one button, so that link scanners opening it unsubscribe nobody.
  app.get('/webhooks/:connector', async (c) => {
    const entry = await deps.connectors.find(c.req.param('connector'));
    if (!entry?.connector.verifyInbound || !new URL(c.req.url).searchParams.has('unsubscribe'))
      return problem(c, 404, 'not-found', 'There is nothing to see here.');
    c.header('cache-control', 'no-store');
    c.header('referrer-policy', 'no-referrer');
    return c.html(
      [
        '<!doctype html><html><head><meta charset="utf-8"><title>Unsubscribe</title></head><body style="font-family: sans-serif">',
        '<h1>Stop these emails?</h1>',
        '<form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click">',
        '<button type="submit">Unsubscribe</button></form>',
        '</body></html>',
      ].join('\n'),
    );
  });
  return app;
}
