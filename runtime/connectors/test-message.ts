/** "Send a test message": through an instance's own send, to an address the engineer types, answering what the provider said. */
import { randomUUID } from 'node:crypto';
import type { ChannelName, ConnectorEntry } from '../../connectors/sdk/index.js';
import { addressKindOf, normalizeAddress } from '../channels/addresses.js';
import { InvalidInputError } from '../errors.js';
import type { TestResult } from './instance-view.js';

export interface TestMessageInput {
  to: string;
  body?: string;
}

export const DEFAULT_TEST_TEXT = 'This is a test message from Carepath.';

/** The channel a test goes out on: the connector's first, so a voice connector places a call that reads the text. */
function testAddress(entry: ConnectorEntry, raw: string): { channel: ChannelName; to: string } {
  const channel = entry.connector.channels[0];
  const kind = addressKindOf(channel);
  if (!kind) return { channel, to: raw.trim() };
  const to = normalizeAddress(kind, raw);
  if (!to)
    throw new InvalidInputError(
      'invalid-test-address',
      kind === 'phone'
        ? `/to: "${raw}" is not a phone number; a ${channel} connector needs one such as +15551234567.`
        : `/to: "${raw}" is not an email address; an email connector needs one such as care@example.org.`,
      [
        {
          code: 'request.invalid-address',
          pointer: '/to',
          severity: 'error',
          message: `/to: not a ${kind === 'phone' ? 'phone number' : 'email address'}`,
        },
      ],
    );
  return { channel, to };
}

/** Never throws for a provider's refusal: that refusal, word for word, is the answer the engineer came for. */
export async function sendTestMessage(entry: ConnectorEntry, input: TestMessageInput): Promise<TestResult> {
  const { channel, to } = testAddress(entry, input.to);
  const at = new Date().toISOString();
  try {
    const { providerMessageId } = await entry.connector.send(
      {
        idempotencyKey: `connector-test-${randomUUID()}`,
        channel,
        to,
        subject: 'Carepath test message',
        body: input.body?.trim() || DEFAULT_TEST_TEXT,
      },
      entry.settings,
    );
    return { at, ok: true, providerMessageId };
  } catch (error) {
    return { at, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
