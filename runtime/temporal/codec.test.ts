import { describe, expect, it } from 'vitest';
import { defaultPayloadConverter, METADATA_ENCODING_KEY, type Payload } from '@temporalio/common';
import { EncryptionCodec, KEY_ID_METADATA } from './codec.js';
import { staticKeyProvider, type PayloadKey } from './keys.js';

const keyA: PayloadKey = { id: 'key-a', material: new Uint8Array(32).fill(1) };
const keyB: PayloadKey = { id: 'key-b', material: new Uint8Array(32).fill(2) };
const secret = { diagnosis: 'Crohn disease', reply: 'I skipped my dose, feeling awful' };
const plain = () => defaultPayloadConverter.toPayload(secret);
const text = (bytes?: Uint8Array | null) => Buffer.from(bytes ?? []).toString('utf8');

describe('the payload codec', () => {
  it('encrypts a payload so nothing of it is readable, and decrypts it back to the same value', async () => {
    const codec = new EncryptionCodec(staticKeyProvider([keyA], 'key-a'));
    const [sealed] = await codec.encode([plain()]);
    expect(text(sealed.data)).not.toContain('Crohn');
    expect(text(sealed.data)).not.toContain('json/plain');
    expect(text(sealed.metadata![METADATA_ENCODING_KEY])).toBe('binary/encrypted');
    expect(text(sealed.metadata![KEY_ID_METADATA])).toBe('key-a');
    const [opened] = await codec.decode([sealed]);
    expect(defaultPayloadConverter.fromPayload(opened)).toEqual(secret);
  });

  it('seals the same value differently each time (a fresh nonce per payload)', async () => {
    const codec = new EncryptionCodec(staticKeyProvider([keyA], 'key-a'));
    const [one, two] = await codec.encode([plain(), plain()]);
    expect(Buffer.from(one.data!).equals(Buffer.from(two.data!))).toBe(false);
  });

  it('after rotation encrypts with the new key and still decrypts what the old key sealed', async () => {
    const before = new EncryptionCodec(staticKeyProvider([keyA], 'key-a'));
    const [old] = await before.encode([plain()]);
    const after = new EncryptionCodec(staticKeyProvider([keyA, keyB], 'key-b'));
    expect(defaultPayloadConverter.fromPayload((await after.decode([old]))[0])).toEqual(secret);
    const [fresh] = await after.encode([plain()]);
    expect(text(fresh.metadata![KEY_ID_METADATA])).toBe('key-b');
    // A process that only has the old key cannot read the new payloads, and says which key it lacks.
    await expect(before.decode([fresh])).rejects.toThrow(/key "key-b".*CAREPATH_PAYLOAD_KEYS/);
  });

  it('passes payloads written before encryption through unchanged', async () => {
    const codec = new EncryptionCodec(staticKeyProvider([keyA], 'key-a'));
    const unencrypted = plain();
    expect(await codec.decode([unencrypted])).toEqual([unencrypted]);
  });

  it('refuses a payload that was altered or relabelled with another key id', async () => {
    const codec = new EncryptionCodec(staticKeyProvider([keyA, keyB], 'key-a'));
    const [sealed] = await codec.encode([plain()]);
    const flipped = new Uint8Array(sealed.data!);
    flipped[20] ^= 1;
    await expect(codec.decode([{ ...sealed, data: flipped }])).rejects.toThrow(/failed authentication/);
    const relabelled: Payload = {
      data: sealed.data,
      metadata: { ...sealed.metadata, [KEY_ID_METADATA]: new Uint8Array(Buffer.from('key-b')) },
    };
    await expect(codec.decode([relabelled])).rejects.toThrow(/failed authentication/);
  });
});
