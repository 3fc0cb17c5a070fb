/** The connector contract: one object per channel provider that describes its settings as data, sends, and reads inbound webhooks. */
import type { z } from 'zod';

export type ChannelName = 'sms' | 'email' | 'voice' | 'video' | 'push' | 'webhook';

/** A rendered message ready for a provider. Contact details are loaded at send time, never carried in workflow history. */
export interface OutboundMessage {
  /** Unique per (workflow, step, visit); providers that support it get it as their idempotency key. */
  idempotencyKey: string;
  channel: ChannelName;
  /** Phone number (E.164) or email address. */
  to: string;
  subject?: string;
  body: string;
}

export interface SendResult {
  providerMessageId: string;
}

/** A reply or event a provider told us about, normalised. */
export interface InboundMessage {
  channel: ChannelName;
  /** The patient's address the message came from. */
  from: string;
  body: string;
  providerMessageId?: string;
}

/** Where a sent message stands, as the provider reports it later (status callbacks, bounces). */
export type DeliveryState = 'queued' | 'sent' | 'delivered' | 'undelivered' | 'failed' | 'bounced';

/** The states after which the message will never arrive: the journey takes the step's `failed` output. */
export const FAILED_DELIVERY: ReadonlySet<DeliveryState> = new Set(['undelivered', 'failed', 'bounced']);

/** A provider's report on one message it accepted earlier. */
export interface DeliveryStatus {
  providerMessageId: string;
  status: DeliveryState;
  /** The provider's reason (an error code and text), kept on the message. */
  error?: string;
}

/** What the webhook answers the provider: Twilio expects TwiML, most others take an empty 200. */
export interface WebhookReply {
  contentType: string;
  body: string;
}

/** An inbound HTTP request as the connector sees it: raw body kept, because signatures are computed over it. */
export interface InboundRequest {
  url: string;
  headers: Record<string, string>;
  rawBody: string;
}

/** A failure the provider reported that retrying cannot fix (bad number, unsubscribed); the journey takes its `failed` output. */
export class PermanentSendError extends Error {
  readonly permanent = true;
  /** True when the address itself is at fault (no such number, mailbox rejected): the contact is marked bad on the patient. */
  readonly badAddress: boolean;

  constructor(message: string, options: { badAddress?: boolean } = {}) {
    super(message);
    this.name = 'PermanentSendError';
    this.badAddress = options.badAddress ?? false;
  }
}

export interface Connector<Settings = unknown> {
  /** Stable id used in journey documents (`connector: "dev"`). */
  id: string;
  name: string;
  channels: ChannelName[];
  /** Settings described as a schema; the designer builds its form from the JSON Schema of it. */
  settingsSchema: z.ZodType<Settings>;
  send(message: OutboundMessage, settings: Settings): Promise<SendResult>;
  /**
   * For a provider that ignores idempotency keys (Twilio): the message an earlier attempt of this same send got the
   * provider to accept — same recipient and text, created since `since` — if there is one. The send activity asks
   * before sending again when an earlier attempt may have reached the provider and died before recording it.
   * `recordedElsewhere` tells a candidate that is already another message's (an earlier call to the same number, the
   * same text sent a minute ago); skip those.
   */
  findSent?(
    message: OutboundMessage,
    since: Date,
    settings: Settings,
    recordedElsewhere?: (providerMessageId: string) => Promise<boolean>,
  ): Promise<SendResult | undefined>;
  /** True for a connector whose messages reach no patient (the development inbox): sending through it needs no consent. */
  reachesNoPatient?: boolean;
  /** Checks the provider's signature on an inbound webhook; a connector without it takes no webhooks. */
  verifyInbound?(request: InboundRequest, settings: Settings): boolean;
  /** Replies and keywords in a verified webhook (none when it is a status callback). */
  parseInbound?(request: InboundRequest, settings: Settings): InboundMessage[];
  /** Delivery reports in a verified webhook (none when it is a reply). */
  parseStatuses?(request: InboundRequest, settings: Settings): DeliveryStatus[];
  /** The body the webhook route answers with; an empty JSON 200 when absent. */
  webhookReply?(settings: Settings): WebhookReply;
  /**
   * Voice: when the webhook is the provider asking what to do on a call, the provider's id of that call (the
   * route then looks up the message's script and answers with `callInstructions`).
   */
  callInstructionsFor?(request: InboundRequest, settings: Settings): string | undefined;
  /** The call script as the provider's instructions (TwiML Say + Gather), or a goodbye when the message is unknown. */
  callInstructions?(script: string | undefined, settings: Settings): WebhookReply;
}
