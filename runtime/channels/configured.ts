/**
 * Connectors an operator configures outside the database: `CAREPATH_CONNECTORS` (JSON) or `CAREPATH_CONNECTORS_FILE`
 * (a JSON file), `{ "<connector id>": { ...settings } }`. A value `"env:NAME"` reads the variable NAME, so secrets
 * (auth tokens, SMTP passwords) stay out of the file.
 */
import { readFileSync } from 'node:fs';
import type { Connector, ConnectorRegistry } from '../../connectors/sdk/index.js';
import { createTwilioSmsConnector } from '../../connectors/twilio/twilio-sms.js';
import { createSmtpEmailConnector } from '../../connectors/smtp/smtp-email.js';
import { createTwilioVoiceConnector } from '../../connectors/twilio/twilio-voice.js';

/** The built-in provider connectors, by the id journeys name. */
export const BUILT_IN_CONNECTORS: Record<string, () => Connector<unknown>> = {
  'twilio-sms': () => createTwilioSmsConnector() as Connector<unknown>,
  'smtp-email': () => createSmtpEmailConnector() as Connector<unknown>,
  'twilio-voice': () => createTwilioVoiceConnector() as Connector<unknown>,
};

/** Replaces `"env:NAME"` strings with the variable's value; a missing variable is an error that names it. */
function resolveEnv(value: unknown, env: NodeJS.ProcessEnv, at: string): unknown {
  if (typeof value === 'string' && value.startsWith('env:')) {
    const name = value.slice(4);
    const resolved = env[name];
    if (resolved === undefined) throw new Error(`${at} names the environment variable ${name}, which is not set.`);
    return resolved;
  }
  if (Array.isArray(value)) return value.map((v, i) => resolveEnv(v, env, `${at}[${i}]`));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveEnv(v, env, `${at}.${k}`)]));
  return value;
}

/** Registers every configured connector (settings checked against its schema); returns the ids registered. */
export function registerConfiguredConnectors(
  registry: ConnectorRegistry,
  env: NodeJS.ProcessEnv = process.env,
): string[] {
  const text = env.CAREPATH_CONNECTORS_FILE
    ? readFileSync(env.CAREPATH_CONNECTORS_FILE, 'utf8')
    : env.CAREPATH_CONNECTORS;
  if (!text?.trim()) return [];
  const source = env.CAREPATH_CONNECTORS_FILE ? env.CAREPATH_CONNECTORS_FILE : 'CAREPATH_CONNECTORS';
  let config: unknown;
  try {
    config = JSON.parse(text);
  } catch (error) {
    throw new Error(`${source} is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  if (!config || typeof config !== 'object' || Array.isArray(config))
    throw new Error(`${source} must be a JSON object of connector id → settings.`);
  const registered: string[] = [];
  for (const [id, settings] of Object.entries(config)) {
    const create = BUILT_IN_CONNECTORS[id];
    if (!create)
      throw new Error(
        `${source} names connector "${id}"; known connectors: ${Object.keys(BUILT_IN_CONNECTORS).join(', ')}.`,
      );
    registry.register(create(), resolveEnv(settings, env, `${source}: ${id}`), { source: 'configuration' });
    registered.push(id);
  }
  return registered;
}
