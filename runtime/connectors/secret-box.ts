/**
 * Connector secrets at rest: AES-256-GCM under a key kept outside the database. The key is derived (HKDF-SHA256)
 * from the payload key of the same id, so rotating `CAREPATH_PAYLOAD_KEYS` (or the local key file) rotates these too,
 * while a ciphertext of one purpose can never be opened as the other.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { PayloadKey, PayloadKeyProvider } from '../temporal/keys.js';
import { IntegrityError } from '../errors.js';

const IV_BYTES = 12;
const TAG_BYTES = 16;
const FORMAT = 'v1';

/** What is stored: the key id in clear (to find the key, and to list rows still under an old key), the rest sealed. */
export interface SealedSecrets {
  keyId: string;
  /** `v1.<base64url of iv | ciphertext | tag>`. */
  sealed: string;
}

export interface SecretBox {
  seal(instanceId: string, secrets: Record<string, string>): Promise<SealedSecrets>;
  open(instanceId: string, stored: SealedSecrets): Promise<Record<string, string>>;
}

function settingsKey(key: PayloadKey): Buffer {
  return Buffer.from(hkdfSync('sha256', key.material, Buffer.alloc(0), 'carepath connector settings', 32));
}

/** Bound to the instance and the key id: secrets copied onto another instance's row, or relabelled, fail to open. */
const associatedData = (instanceId: string, keyId: string) =>
  Buffer.from(`carepath-connector:${instanceId}:${keyId}`, 'utf8');

export function createSecretBox(keys: PayloadKeyProvider): SecretBox {
  return {
    async seal(instanceId, secrets) {
      const key = await keys.current();
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', settingsKey(key), iv);
      cipher.setAAD(associatedData(instanceId, key.id));
      const body = Buffer.concat([cipher.update(JSON.stringify(secrets), 'utf8'), cipher.final()]);
      const sealed = Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url');
      return { keyId: key.id, sealed: `${FORMAT}.${sealed}` };
    },
    async open(instanceId, { keyId, sealed }) {
      const key = await keys.find(keyId);
      if (!key)
        throw new IntegrityError(
          'connector-key-missing',
          `The secrets of connector "${instanceId}" were sealed with key "${keyId}", which this server does not have: add it to CAREPATH_PAYLOAD_KEYS, or enter the secrets again.`,
        );
      const [format, data] = sealed.split('.');
      const bytes = Buffer.from(data ?? '', 'base64url');
      if (format !== FORMAT || bytes.length < IV_BYTES + TAG_BYTES)
        throw new IntegrityError(
          'connector-secrets-unreadable',
          `The stored secrets of connector "${instanceId}" are unreadable.`,
        );
      const decipher = createDecipheriv('aes-256-gcm', settingsKey(key), bytes.subarray(0, IV_BYTES));
      decipher.setAAD(associatedData(instanceId, keyId));
      decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
      try {
        const plain = Buffer.concat([
          decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)),
          decipher.final(),
        ]);
        return JSON.parse(plain.toString('utf8')) as Record<string, string>;
      } catch {
        throw new IntegrityError(
          'connector-secrets-altered',
          `The stored secrets of connector "${instanceId}" failed authentication: they were altered or copied from another instance.`,
        );
      }
    },
  };
}
