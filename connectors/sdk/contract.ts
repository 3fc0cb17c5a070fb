/** The contract test kit: one vitest suite every connector, built-in or custom, passes against a fake of its provider. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { toObjectSpec, type JsonSchema } from '../../designer/forms/form-spec.js';
import { FAILED_DELIVERY, type ChannelName, type Connector, type InboundRequest } from './connector.js';
import { ConnectorRegistry } from './registry.js';

/** What a connector's test file supplies: the connector, settings that reach its fake provider, and the fake's view. */
export interface ContractSetup<S> {
  connector: Connector<S>;
  /** Settings that work against the fake provider. */
  settings: unknown;
  /** Settings the schema must refuse, each with the field name the error must mention. */
  invalidSettings: Array<{ settings: unknown; mentions: string }>;
  channel: ChannelName;
  /** An address the fake provider delivers to, and one it refuses for good (a bad number, a rejected mailbox). */
  address: string;
  undeliverableAddress: string;
  /** Distinct messages the provider holds for an address: what the patient would see. */
  providerMessages(address: string): Promise<Array<{ providerMessageId: string; body: string }>>;
  /** An inbound reply from `from`, signed exactly as the provider signs it. */
  signedReply(from: string, body: string): InboundRequest;
  /** The header that carries the signature; the kit then tries requests without it and with one lifted from another request. */
  signatureHeader?: string;
  /** Further requests the connector must refuse (for signatures carried elsewhere, such as a token in the URL). */
  forgeries?(): InboundRequest[];
  /** What the parsed reply says when the connector's only inbound is a fixed keyword (email's one-click unsubscribe). */
  inboundBody?: string;
  /**
   * A signed delivery report for a message the provider accepted. Absent when the provider reports failures only
   * while sending (SMTP's 5xx): the kit then relies on the permanent failure at send time.
   */
  signedStatus?(providerMessageId: string, outcome: 'delivered' | 'failed'): InboundRequest;
  close?(): Promise<void>;
}

let keySequence = 0;
const freshKey = () => `contract-${process.pid}-${Date.now()}-${(keySequence += 1)}`;

export function describeConnectorContract<S>(name: string, setup: () => Promise<ContractSetup<S>>): void {
  describe(`connector contract: ${name}`, () => {
    let kit: ContractSetup<S>;
    let settings: S;

    beforeAll(async () => {
      kit = await setup();
      settings = kit.connector.settingsSchema.parse(kit.settings);
    });
    afterAll(async () => {
      await kit?.close?.();
    });

    const send = (to: string, body: string, idempotencyKey = freshKey()) =>
      kit.connector.send({ idempotencyKey, channel: kit.channel, to, body, subject: 'Carepath contract' }, settings);

    it('describes its settings as a schema the designer renders as a form', () => {
      const json = z.toJSONSchema(kit.connector.settingsSchema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
      expect(json.type).toBe('object');
      const form = toObjectSpec(json);
      expect(form.properties.length).toBeGreaterThan(0);
      // Every setting gets a real field: nothing falls back to the raw JSON editor.
      expect(form.properties.filter((p) => p.spec.kind === 'json').map((p) => p.name)).toEqual([]);
      expect(kit.connector.channels).toContain(kit.channel);
    });

    it('refuses bad settings with a message that names the field', () => {
      expect(kit.invalidSettings.length).toBeGreaterThan(0);
      for (const { settings: bad, mentions } of kit.invalidSettings) {
        expect(() => new ConnectorRegistry().register(kit.connector, bad)).toThrow(mentions);
      }
    });

    it('sends a message the provider delivers to the address', async () => {
      const result = await send(kit.address, 'Your refill is ready.');
      expect(result.providerMessageId).not.toBe('');
      const held = await kit.providerMessages(kit.address);
      expect(held.find((m) => m.providerMessageId === result.providerMessageId)?.body).toContain(
        'Your refill is ready.',
      );
    });

    it('sends once for one idempotency key, however often it is retried', async () => {
      const before = (await kit.providerMessages(kit.address)).length;
      const key = freshKey();
      const first = await send(kit.address, 'Only once, please.', key);
      const second = await send(kit.address, 'Only once, please.', key);
      expect(second.providerMessageId).toBe(first.providerMessageId);
      expect((await kit.providerMessages(kit.address)).length).toBe(before + 1);
    });

    it('fails permanently for an address the provider refuses', async () => {
      const error = await send(kit.undeliverableAddress, 'This will not arrive.').then(
        () => undefined,
        (e: unknown) => e as { permanent?: unknown; message?: string },
      );
      expect(error?.permanent).toBe(true);
      expect(error?.message).not.toBe('');
    });

    it('accepts a correctly signed inbound reply and parses it', () => {
      const request = kit.signedReply(kit.address, 'YES');
      expect(kit.connector.verifyInbound?.(request, settings)).toBe(true);
      const parsed = kit.connector.parseInbound?.(request, settings) ?? [];
      expect(parsed).toEqual([
        expect.objectContaining({ from: kit.address, body: kit.inboundBody ?? 'YES', channel: kit.channel }),
      ]);
      expect(kit.connector.parseStatuses?.(request, settings) ?? []).toEqual([]);
    });

    it('refuses an inbound request whose signature is missing, forged or does not cover the body', () => {
      const good = kit.signedReply(kit.address, 'YES');
      const other = kit.signedReply(kit.address, 'NO');
      const refused: InboundRequest[] = [{ ...good, url: `${good.url}-elsewhere` }, ...(kit.forgeries?.() ?? [])];
      if (kit.signatureHeader) {
        const name = Object.keys(good.headers).find((h) => h.toLowerCase() === kit.signatureHeader!.toLowerCase());
        expect(name).toBeDefined();
        const without = Object.fromEntries(Object.entries(good.headers).filter(([h]) => h !== name));
        refused.push(
          { ...good, headers: without },
          // A signature lifted from another genuine request: valid for that body, not this one.
          { ...good, headers: { ...good.headers, [name!]: other.headers[name!] } },
          { ...good, rawBody: other.rawBody },
        );
      }
      expect(refused.length).toBeGreaterThan(2);
      for (const request of refused) expect(kit.connector.verifyInbound?.(request, settings)).toBe(false);
    });

    it('reports delivery: delivered, or a failure the journey treats as final', async () => {
      const { providerMessageId } = await send(kit.address, 'Did this arrive?');
      if (!kit.signedStatus) {
        // Providers without delivery callbacks report failures while sending, as the permanent-failure case shows.
        expect(kit.connector.parseStatuses).toBeUndefined();
        return;
      }
      const delivered = kit.signedStatus(providerMessageId, 'delivered');
      expect(kit.connector.verifyInbound?.(delivered, settings)).toBe(true);
      expect(kit.connector.parseStatuses?.(delivered, settings)).toEqual([
        expect.objectContaining({ providerMessageId, status: 'delivered' }),
      ]);
      expect(kit.connector.parseInbound?.(delivered, settings) ?? []).toEqual([]);
      const failed = kit.signedStatus(providerMessageId, 'failed');
      expect(kit.connector.verifyInbound?.(failed, settings)).toBe(true);
      const [status] = kit.connector.parseStatuses?.(failed, settings) ?? [];
      expect(status?.providerMessageId).toBe(providerMessageId);
      expect(FAILED_DELIVERY.has(status!.status)).toBe(true);
    });
  });
}
