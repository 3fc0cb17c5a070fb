/** The audit trail's secret key, kept outside the database: `CAREPATH_AUDIT_KEY`, else a 0600 key file under the data folder. */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { configFromEnv } from '../config.js';

/** Shorter keys would make the MACs guessable; 32 bytes is the HMAC-SHA256 block-safe minimum we accept. */
const MIN_KEY_BYTES = 32;

let configured: Buffer | undefined;

/**
 * Reads the key from the environment, else from `<dataDir>/audit.key`, creating that file on first use.
 * Someone who can edit the database but not read this key cannot forge rows or the signed head.
 */
export function loadAuditKey(dataDir: string, fromEnv?: string): Buffer {
  return openAuditKey(dataDir, fromEnv).key;
}

/**
 * As `loadAuditKey`, and says whether this very call generated the key file (`created`): the first start of an
 * install, when a trail from before the keyed chain may be sealed once (see `sealLegacyAuditTrail`).
 */
export function openAuditKey(dataDir: string, fromEnv?: string): { key: Buffer; created: boolean } {
  if (fromEnv !== undefined && fromEnv !== '') {
    const key = Buffer.from(fromEnv, 'utf8');
    if (key.length < MIN_KEY_BYTES)
      throw new Error(`CAREPATH_AUDIT_KEY must be at least ${MIN_KEY_BYTES} characters long.`);
    return { key, created: false };
  }
  const file = join(dataDir, 'audit.key');
  const read = () => Buffer.from(readFileSync(file, 'utf8').trim(), 'base64url');
  try {
    return { key: read(), created: false };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dataDir, { recursive: true });
  let created = false;
  try {
    // `wx`: two processes starting at once must not each write a different key; only the one that wrote it created it.
    writeFileSync(file, randomBytes(32).toString('base64url') + '\n', { mode: 0o600, flag: 'wx' });
    created = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return { key: read(), created };
}

/** Sets the key this process signs and verifies with (start-up, the CLI, tests). */
export function useAuditKey(key: Buffer): void {
  configured = key;
}

/** The key in use: the one set with `useAuditKey`, else the one the server's settings point at. */
export function auditKey(): Buffer {
  if (!configured) {
    const config = configFromEnv();
    configured = loadAuditKey(config.dataDir, config.auditKey);
  }
  return configured;
}
