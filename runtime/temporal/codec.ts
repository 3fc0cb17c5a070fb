/** The payload codec: every Temporal payload leaves the process AES-256-GCM encrypted, tagged with the id of the key that sealed it. */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { METADATA_ENCODING_KEY, ValueError, type Payload, type PayloadCodec } from '@temporalio/common';
import type { PayloadKey, PayloadKeyProvider } from './keys.js';

export const ENCRYPTED_ENCODING = 'binary/encrypted';
export const KEY_ID_METADATA = 'encryption-key-id';
const CIPHER_METADATA = 'encryption-cipher';
const CIPHER = 'AES-256-GCM';
const IV_BYTES = 12;
const TAG_BYTES = 16;

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
const text = (bytes: Uint8Array | null | undefined) => (bytes ? Buffer.from(bytes).toString('utf8') : undefined);

/**
 * Encrypts with the provider's current key and decrypts with whichever key a payload names, so keys rotate
 * without rewriting history. Payloads that were never encrypted (histories written before encryption) pass
 * through decode unchanged, so they still replay.
 */
export class EncryptionCodec implements PayloadCodec {
  constructor(private readonly keys: PayloadKeyProvider) {}

  async encode(payloads: Payload[]): Promise<Payload[]> {
    if (payloads.length === 0) return payloads;
    const key = await this.keys.current();
    return payloads.map((payload) => seal(payload, key));
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return Promise.all(payloads.map((payload) => this.open(payload)));
  }

  private async open(payload: Payload): Promise<Payload> {
    if (text(payload.metadata?.[METADATA_ENCODING_KEY]) !== ENCRYPTED_ENCODING) return payload;
    const keyId = text(payload.metadata?.[KEY_ID_METADATA]);
    if (!keyId) throw new ValueError('An encrypted payload names no key id; it cannot be decrypted.');
    const key = await this.keys.find(keyId);
    if (!key)
      throw new ValueError(
        `A payload was encrypted with key "${keyId}", which this process does not have: add it to CAREPATH_PAYLOAD_KEYS.`,
      );
    return unseal(payload.data ?? new Uint8Array(), key);
  }
}

/** The key id is authenticated with the ciphertext, so a payload relabelled with another key id fails to open. */
const associatedData = (keyId: string) => Buffer.from(`carepath-payload:${keyId}`, 'utf8');

function seal(payload: Payload, key: PayloadKey): Payload {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key.material, iv);
  cipher.setAAD(associatedData(key.id));
  const body = Buffer.concat([cipher.update(serialize(payload)), cipher.final()]);
  return {
    metadata: {
      [METADATA_ENCODING_KEY]: utf8(ENCRYPTED_ENCODING),
      [KEY_ID_METADATA]: utf8(key.id),
      [CIPHER_METADATA]: utf8(CIPHER),
    },
    data: new Uint8Array(Buffer.concat([iv, body, cipher.getAuthTag()])),
  };
}

function unseal(data: Uint8Array, key: PayloadKey): Payload {
  if (data.length < IV_BYTES + TAG_BYTES) throw new ValueError('An encrypted payload is too short to be valid.');
  const bytes = Buffer.from(data);
  const decipher = createDecipheriv('aes-256-gcm', key.material, bytes.subarray(0, IV_BYTES));
  decipher.setAAD(associatedData(key.id));
  decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
  let plain: Buffer;
  try {
    plain = Buffer.concat([decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)), decipher.final()]);
  } catch {
    throw new ValueError(
      `A payload encrypted with key "${key.id}" failed authentication: it was altered or the key is wrong.`,
    );
  }
  return deserialize(plain);
}

/** The sealed form of a payload: a 4-byte length, its metadata as JSON (values base64), then its data bytes. */
function serialize({ metadata, data }: Payload): Buffer {
  const header = Buffer.from(
    JSON.stringify(
      Object.fromEntries(Object.entries(metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')])),
    ),
    'utf8',
  );
  const length = Buffer.alloc(4);
  length.writeUInt32BE(header.length);
  return Buffer.concat([length, header, data ?? new Uint8Array()]);
}

function deserialize(bytes: Buffer): Payload {
  const headerLength = bytes.readUInt32BE(0);
  const header = JSON.parse(bytes.subarray(4, 4 + headerLength).toString('utf8')) as Record<string, string>;
  return {
    metadata: Object.fromEntries(Object.entries(header).map(([k, v]) => [k, new Uint8Array(Buffer.from(v, 'base64'))])),
    data: new Uint8Array(bytes.subarray(4 + headerLength)),
  };
}
