/** A connector instance as the API shows it: plain settings, and for each secret only whether it is set. Never a secret's value. */
import type { ConnectorEntry, ConnectorSource } from '../../connectors/sdk/index.js';
import { secretFieldsOf } from './secret-fields.js';
import type { InstanceRow } from './instance-rows.js';

export type SecretState = 'set' | 'not set';

export interface TestResult {
  at: string;
  ok: boolean;
  /** The provider's id of the message it accepted, or its error. */
  providerMessageId?: string;
  error?: string;
}

export interface InstanceView {
  id: string;
  type: string;
  name: string;
  source: ConnectorSource;
  channels: string[];
  /** Only instances saved on the Connectors screen change there; the others come from the code or the configuration. */
  editable: boolean;
  settings: Record<string, unknown>;
  secrets: Record<string, SecretState>;
  /** Where the provider posts replies and delivery reports, under the server's public address. */
  webhookPath: string;
  updatedAt: string | null;
  updatedBy: string | null;
  lastTest: TestResult | null;
  /** Why a saved instance is not in use (its secrets cannot be opened, its settings no longer pass), else null. */
  problem: string | null;
}

function secretStates(names: string[], isSet: (name: string) => boolean): Record<string, SecretState> {
  return Object.fromEntries(names.map((name) => [name, isSet(name) ? 'set' : 'not set']));
}

/** An instance the registry holds: its settings less every secret field. */
export function viewOfEntry(entry: ConnectorEntry, lastTest: TestResult | undefined): InstanceView {
  const secretNames = secretFieldsOf(entry.connector);
  const settings = (entry.settings ?? {}) as Record<string, unknown>;
  return {
    id: entry.id,
    type: entry.connector.id,
    name: entry.name,
    source: entry.source,
    channels: entry.connector.channels,
    editable: false,
    settings: Object.fromEntries(Object.entries(settings).filter(([name]) => !secretNames.includes(name))),
    secrets: secretStates(secretNames, (name) => settings[name] !== undefined && settings[name] !== ''),
    webhookPath: `/webhooks/${entry.id}`,
    updatedAt: null,
    updatedBy: null,
    lastTest: lastTest ?? null,
    problem: null,
  };
}

/** A saved instance: the row holds plain settings, and the names of the secrets it sealed. */
export function viewOfRow(
  row: InstanceRow,
  secretNames: string[],
  channels: string[],
  extra: { problem?: string; lastTest?: TestResult },
): InstanceView {
  const set = new Set(row.secretFields ?? []);
  return {
    id: row.id,
    type: row.type,
    name: row.name,
    source: 'database',
    channels,
    editable: true,
    settings: row.settings,
    secrets: secretStates(secretNames, (name) => set.has(name)),
    webhookPath: `/webhooks/${row.id}`,
    updatedAt: row.updatedAt,
    updatedBy: row.updatedBy,
    lastTest: extra.lastTest ?? null,
    problem: extra.problem ?? null,
  };
}
