/** Payload encryption keys: the provider interface the codec asks (ready for a KMS), and a provider over a fixed set of keys. */

/** One AES-256 key and the id written beside every payload it encrypts. */
export interface PayloadKey {
  id: string;
  /** 32 bytes. */
  material: Uint8Array;
}

/**
 * Where the codec gets its keys. Asynchronous so a KMS-backed provider can fetch and cache; the codec asks
 * `current()` for every encode and `find(id)` for every decode, so a provider should answer from memory.
 */
export interface PayloadKeyProvider {
  /** The key new payloads are encrypted with. */
  current(): Promise<PayloadKey>;
  /** The key with this id, to decrypt what was written under it (any older key too); undefined when unknown. */
  find(id: string): Promise<PayloadKey | undefined>;
}

export const KEY_BYTES = 32;

/** Key ids travel in payload metadata and in error messages: short, printable, no secrets. */
const KEY_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** A provider over keys held in memory: decrypts with any of them, encrypts with `currentId`. */
export function staticKeyProvider(keys: PayloadKey[], currentId: string): PayloadKeyProvider {
  const byId = new Map<string, PayloadKey>();
  for (const key of keys) {
    if (!KEY_ID.test(key.id))
      throw new Error(
        `Payload key id "${key.id}" is not valid: use 1–64 letters, digits, dots, dashes or underscores.`,
      );
    if (key.material.length !== KEY_BYTES)
      throw new Error(`Payload key "${key.id}" has ${key.material.length} bytes; AES-256 needs exactly ${KEY_BYTES}.`);
    if (byId.has(key.id)) throw new Error(`Payload key "${key.id}" is listed twice.`);
    byId.set(key.id, key);
  }
  const current = byId.get(currentId);
  if (!current)
    throw new Error(
      `The current payload key "${currentId}" is not among the keys given (${[...byId.keys()].join(', ') || 'none'}).`,
    );
  return {
    current: async () => current,
    find: async (id) => byId.get(id),
  };
}

/**
 * Parses `CAREPATH_PAYLOAD_KEYS`: comma-separated `id:base64` pairs, each key 32 bytes
 * (`openssl rand -base64 32`). The current key is `currentId`, else the last one listed, so rotating
 * is "append the new key".
 */
export function parseKeyList(list: string, currentId?: string): PayloadKeyProvider {
  const keys = list
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry, index) => {
      const colon = entry.indexOf(':');
      if (colon <= 0)
        throw new Error(`CAREPATH_PAYLOAD_KEYS entry ${index + 1} is not "id:base64-key" (e.g. "2026-01:<32 bytes>").`);
      return { id: entry.slice(0, colon), material: new Uint8Array(Buffer.from(entry.slice(colon + 1), 'base64')) };
    });
  if (keys.length === 0) throw new Error('CAREPATH_PAYLOAD_KEYS is set but lists no key.');
  return staticKeyProvider(keys, currentId || keys[keys.length - 1].id);
}
