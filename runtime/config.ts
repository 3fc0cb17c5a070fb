/** Start-up settings from the environment, with the embedded defaults that let `npm start` run with nothing configured. */
import { resolve } from 'node:path';

export interface CarepathConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string;
  databaseAuthToken?: string;
  /** Set to use an existing Temporal cluster or Temporal Cloud; otherwise a local dev server is started. */
  temporalAddress?: string;
  temporalNamespace: string;
  /** Where the built designer lives. */
  designerDir: string;
  /** Password for the local admin login; generated and kept under the data folder when not given. */
  adminPassword?: string;
  loadExamples: boolean;
  /** The audit trail's key (`CAREPATH_AUDIT_KEY`); a key file under the data folder when unset. */
  auditKey?: string;
  /** The address patients reach this server at, for assessment web-form links; defaults to the local URL. */
  publicUrl?: string;
  /** Payload encryption keys, `id:base64` pairs (`CAREPATH_PAYLOAD_KEYS`); a local key under the data folder when unset. */
  payloadKeys?: string;
  /** The key new payloads are encrypted with (`CAREPATH_PAYLOAD_KEY_ID`); defaults to the last key listed. */
  payloadKeyId?: string;
  /** The cluster's Temporal Web UI (`TEMPORAL_UI_URL`), allowed to call the codec endpoint; the dev server's UI otherwise. */
  temporalUiUrl?: string;
  /**
   * Refuse a send through a provider unless the patient's granted consent for the channel and the journey's consent
   * purpose is on record (`CAREPATH_REQUIRE_CONSENT`, on unless set to off). A revoked consent blocks either way.
   */
  requireConsent: boolean;
}

/** on/off (also true/false, yes/no, 1/0); unset is on. A typo stops the start rather than quietly dropping the check. */
export function consentSetting(value: string | undefined): boolean {
  const v = (value ?? '').trim().toLowerCase();
  if (['', 'on', 'true', 'yes', '1'].includes(v)) return true;
  if (['off', 'false', 'no', '0'].includes(v)) return false;
  throw new Error(`CAREPATH_REQUIRE_CONSENT must be on or off, not "${value}".`);
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env, root = process.cwd()): CarepathConfig {
  const dataDir = resolve(root, env.CAREPATH_DATA_DIR ?? 'data');
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '127.0.0.1',
    dataDir,
    databaseUrl: env.DATABASE_URL ?? `file:${resolve(dataDir, 'carepath.db')}`,
    databaseAuthToken: env.DATABASE_AUTH_TOKEN,
    temporalAddress: env.TEMPORAL_ADDRESS || undefined,
    temporalNamespace: env.TEMPORAL_NAMESPACE ?? 'default',
    designerDir: resolve(root, env.CAREPATH_DESIGNER_DIR ?? 'dist/designer'),
    adminPassword: env.CAREPATH_ADMIN_PASSWORD,
    loadExamples: env.CAREPATH_EXAMPLES !== 'off',
    auditKey: env.CAREPATH_AUDIT_KEY || undefined,
    publicUrl: env.CAREPATH_PUBLIC_URL || undefined,
    payloadKeys: env.CAREPATH_PAYLOAD_KEYS || undefined,
    payloadKeyId: env.CAREPATH_PAYLOAD_KEY_ID || undefined,
    temporalUiUrl: env.TEMPORAL_UI_URL || undefined,
    requireConsent: consentSetting(env.CAREPATH_REQUIRE_CONSENT),
  };
}
