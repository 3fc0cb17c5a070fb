/** The payload keys a process starts with: from the environment when set, else a local key generated once into the data folder. */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KEY_BYTES, parseKeyList, staticKeyProvider, type PayloadKeyProvider } from './keys.js';

export const LOCAL_KEYS_FILE = 'payload-keys.json';

interface LocalKeysFile {
  current: string;
  keys: Record<string, string>;
}

/**
 * `CAREPATH_PAYLOAD_KEYS` (+ optional `CAREPATH_PAYLOAD_KEY_ID`) when set: the production path, where the
 * keys come from a secret store and every worker and API process gets the same list. Otherwise the local
 * default: `<dataDir>/payload-keys.json`, created once with mode 0600, so a second `npm start` can still
 * read the histories of the first.
 */
export function configuredPayloadKeys(
  { keys, currentId }: { keys?: string; currentId?: string },
  dataDir: string,
): PayloadKeyProvider {
  return keys ? parseKeyList(keys, currentId) : localPayloadKeys(dataDir);
}

export function localPayloadKeys(dataDir: string): PayloadKeyProvider {
  const path = join(dataDir, LOCAL_KEYS_FILE);
  mkdirSync(dataDir, { recursive: true });
  const fresh: LocalKeysFile = { current: 'local-1', keys: { 'local-1': randomBytes(KEY_BYTES).toString('base64') } };
  try {
    // `wx`: two processes starting at once must not each write their own key; the loser reads the winner's.
    writeFileSync(path, JSON.stringify(fresh, null, 2) + '\n', { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  let stored: LocalKeysFile;
  try {
    stored = JSON.parse(readFileSync(path, 'utf8')) as LocalKeysFile;
  } catch (err) {
    throw new Error(`${path} is not readable JSON (${(err as Error).message}); restore it from a backup.`, {
      cause: err,
    });
  }
  const keys = Object.entries(stored.keys ?? {}).map(([id, base64]) => ({
    id,
    material: new Uint8Array(Buffer.from(base64, 'base64')),
  }));
  return staticKeyProvider(keys, stored.current);
}
