/** A connector instance's settings as entered: split into plain and secret fields, blanks keep stored secrets, checked against the schema. */
import type { z } from 'zod';
import type { Connector } from '../../connectors/sdk/index.js';
import type { Problem } from '../../schema/problems.js';
import { toPointer } from '../../schema/problems.js';
import { InvalidInputError } from '../errors.js';
import { secretFieldsOf } from './secret-fields.js';

export interface SplitSettings {
  plain: Record<string, unknown>;
  secrets: Record<string, string>;
}

/** An empty string is "nothing typed": an optional field is left out, a secret keeps its stored value. */
const blank = (value: unknown) => value === undefined || value === null || value === '';

/**
 * The settings to save: the form's fields (blanks dropped), the stored secrets for secret fields left blank.
 * `settings` as the form sent them; `stored` the secrets already saved (none on create).
 */
export function mergeSettings(
  connector: Connector<unknown>,
  settings: Record<string, unknown>,
  stored: Record<string, string> = {},
): SplitSettings {
  const secretNames = new Set(secretFieldsOf(connector));
  const plain: Record<string, unknown> = {};
  const secrets: Record<string, string> = {};
  for (const [name, value] of Object.entries(settings)) {
    if (blank(value)) continue;
    if (secretNames.has(name)) secrets[name] = String(value);
    else plain[name] = value;
  }
  for (const name of secretNames)
    if (secrets[name] === undefined && stored[name] !== undefined) secrets[name] = stored[name];
  return { plain, secrets };
}

/** Problems of zod issues, each pointing at its field under `at` (`/settings/authToken`) and saying so in its message. */
export function settingsProblems(error: z.ZodError, at: string): Problem[] {
  return error.issues.map((issue) => {
    const pointer = `${at}${toPointer(issue.path as PropertyKey[])}`;
    return {
      code: `settings.${issue.code}`,
      pointer,
      severity: 'error' as const,
      message: `${pointer}: ${issue.message}`,
    };
  });
}

/** The settings the connector will run with (defaults applied); a 400 naming every bad field otherwise, before anything is saved. */
export function checkSettings(connector: Connector<unknown>, settings: SplitSettings, at = '/settings'): unknown {
  const parsed = connector.settingsSchema.safeParse({ ...settings.plain, ...settings.secrets });
  if (parsed.success) return parsed.data;
  const problems = settingsProblems(parsed.error, at);
  throw new InvalidInputError(
    'invalid-connector-settings',
    `The settings of a ${connector.name} connector are not valid: ${problems.map((p) => p.message).join('; ')}`,
    problems,
  );
}
