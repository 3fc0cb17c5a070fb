/**
 * Connector instances managed on the Connectors screen: saved with their secrets sealed, registered (or replaced) in
 * the running registry on save so no restart is needed, listed beside the ones the code and the configuration provide.
 * Every change is audited with the names of the fields that changed, never a secret's value.
 */
import { eq } from 'drizzle-orm';
import { Mutex } from 'async-mutex';
import type { ConnectorRegistry } from '../../connectors/sdk/index.js';
import type { Database } from '../db/client.js';
import { connectorInstances } from '../db/schema.js';
import { appendAudit } from '../db/audit.js';
import { ConflictError, InvalidInputError, NotFoundError } from '../errors.js';
import type { SecretBox } from './secret-box.js';
import { describeTypes, type ConnectorFactories } from './connector-types.js';
import { checkSettings, mergeSettings } from './instance-settings.js';
import { openSecrets, readRow, readRows, settingsColumns, type InstanceRow } from './instance-rows.js';
import { viewOfEntry, viewOfRow, type InstanceView, type TestResult } from './instance-view.js';
import { versionsUsing } from './instance-usage.js';
import { sendTestMessage, type TestMessageInput } from './test-message.js';
import { reserveTestMessage } from './test-message-limit.js';
import { secretFieldsOf } from './secret-fields.js';

export interface NewInstance {
  id: string;
  type: string;
  name: string;
  settings: Record<string, unknown>;
}

export interface InstanceChange {
  name?: string;
  /** Every field of the form; a secret left blank keeps its stored value. */
  settings: Record<string, unknown>;
}

export interface ConnectorInstancesDeps {
  db: Database;
  registry: ConnectorRegistry;
  box: SecretBox;
  types: ConnectorFactories;
}

export type ConnectorInstances = ReturnType<typeof createConnectorInstances>;

/** What tells one saved state of a row from another: two saves within a millisecond differ in their sealed secrets' nonce at least. */
const versionOf = (row: InstanceRow) =>
  JSON.stringify([row.updatedAt, row.type, row.name, row.settings, row.secrets, row.secretsKeyId]);

type Executor = Parameters<typeof appendAudit>[0];

/** Who did what to which instance: field names only, never a secret's value. */
const audit = (tx: Executor, actor: string, action: string, entityId: string, data: Record<string, unknown>) =>
  appendAudit(tx, { actor, action: `connector.${action}`, entityType: 'connector-instance', entityId, data });

export function createConnectorInstances({ db, registry, box, types }: ConnectorInstancesDeps) {
  /** Why a saved instance could not be registered, by id; shown on the screen instead of stopping the server. */
  const problems = new Map<string, string>();
  /** The last test of each instance, for the screen; the audit trail keeps every one. */
  const lastTests = new Map<string, TestResult>();
  /** Each saved instance's row as this process last read it (`versionOf`), so `sync` opens again only what changed. */
  const seen = new Map<string, string>();
  let syncing: Promise<Array<{ id: string; problem: string }>> | undefined;
  const turns = new Mutex();

  const connectorOf = (type: string, at = '/type') => {
    const create = types[type];
    if (!create)
      throw new InvalidInputError(
        'unknown-connector-type',
        `${at}: there is no connector type "${type}"; known: ${Object.keys(types).join(', ')}.`,
        [{ code: 'request.unknown-type', pointer: at, severity: 'error', message: `${at}: unknown connector type` }],
      );
    return create();
  };

  /** Opens the row's secrets and puts the instance in the registry, replacing what was there under its id. */
  async function activate(row: InstanceRow): Promise<void> {
    seen.set(row.id, versionOf(row));
    const connector = connectorOf(row.type);
    const secrets = await openSecrets(box, row);
    registry.register(connector, { ...row.settings, ...secrets }, { id: row.id, name: row.name, source: 'database' });
    problems.delete(row.id);
  }

  function viewOf(row: InstanceRow): InstanceView {
    const connector = types[row.type]?.();
    return viewOfRow(row, connector ? secretFieldsOf(connector) : [], connector?.channels ?? [], {
      problem: problems.get(row.id) ?? (connector ? undefined : `Connector type "${row.type}" is not installed.`),
      lastTest: lastTests.get(row.id),
    });
  }

  async function savedRow(id: string): Promise<InstanceRow> {
    const row = await readRow(db, id);
    if (row) return row;
    if (registry.get(id))
      throw new ConflictError(
        'connector-from-configuration',
        `Connector "${id}" comes from the server's configuration (or is built in); change it there.`,
      );
    throw NotFoundError.of('connector instance', id);
  }

  const instances = {
    types: () => describeTypes(types),

    /** The built-in and configured instances the registry holds, then the saved ones. */
    async list(): Promise<InstanceView[]> {
      const rows = await readRows(db);
      const others = registry.list().filter((entry) => entry.source !== 'database');
      return [...others.map((e) => viewOfEntry(e, lastTests.get(e.id))), ...rows.map(viewOf)];
    },

    async get(id: string): Promise<InstanceView> {
      const row = await readRow(db, id);
      if (row) return viewOf(row);
      const entry = registry.get(id);
      if (!entry) throw NotFoundError.of('connector instance', id);
      return viewOfEntry(entry, lastTests.get(id));
    },

    async create(actor: string, input: NewInstance): Promise<InstanceView> {
      const connector = connectorOf(input.type);
      if (registry.get(input.id) || (await readRow(db, input.id)))
        throw new ConflictError(
          'connector-exists',
          `/id: a connector "${input.id}" exists already; choose another id.`,
        );
      const settings = mergeSettings(connector, input.settings);
      checkSettings(connector, settings);
      const now = new Date().toISOString();
      await db.transaction(async (tx) => {
        await tx.insert(connectorInstances).values({
          id: input.id,
          type: input.type,
          name: input.name,
          ...(await settingsColumns(box, input.id, settings)),
          createdBy: actor,
          createdAt: now,
          updatedBy: actor,
          updatedAt: now,
        });
        await audit(tx, actor, 'created', input.id, {
          type: input.type,
          name: input.name,
          fields: Object.keys(settings.plain),
          secrets: Object.keys(settings.secrets),
        });
      });
      const row = await savedRow(input.id);
      await activate(row);
      return viewOf(row);
    },

    async update(actor: string, id: string, change: InstanceChange): Promise<InstanceView> {
      const before = await savedRow(id);
      const connector = connectorOf(before.type);
      const stored = await openSecrets(box, before);
      const settings = mergeSettings(connector, change.settings, stored);
      checkSettings(connector, settings);
      const name = change.name ?? before.name;
      const keys = new Set([...Object.keys(before.settings), ...Object.keys(settings.plain)]);
      const changed = [...keys].filter((k) => JSON.stringify(before.settings[k]) !== JSON.stringify(settings.plain[k]));
      const secretKeys = new Set([...Object.keys(stored), ...Object.keys(settings.secrets)]);
      const secretsChanged = [...secretKeys].filter((k) => stored[k] !== settings.secrets[k]);
      await db.transaction(async (tx) => {
        await tx
          .update(connectorInstances)
          .set({
            name,
            ...(await settingsColumns(box, id, settings)),
            updatedBy: actor,
            updatedAt: new Date().toISOString(),
          })
          .where(eq(connectorInstances.id, id));
        await audit(tx, actor, 'updated', id, {
          ...(name !== before.name ? { name: { from: before.name, to: name } } : {}),
          fields: changed,
          secrets: secretsChanged,
        });
      });
      const row = await savedRow(id);
      await activate(row);
      return viewOf(row);
    },

    async remove(actor: string, id: string): Promise<void> {
      const row = await savedRow(id);
      const uses = await versionsUsing(db, id);
      if (uses.length > 0)
        throw new ConflictError(
          'connector-in-use',
          `Connector "${id}" is used by ${uses.map((u) => `"${u.journey}" version ${u.version} (${u.status})`).join(', ')}; retire those versions or point a new version at another connector first.`,
        );
      await db.transaction(async (tx) => {
        await tx.delete(connectorInstances).where(eq(connectorInstances.id, id));
        await audit(tx, actor, 'deleted', id, { type: row.type, name: row.name });
      });
      forget(id);
    },

    async sendTest(actor: string, id: string, input: TestMessageInput): Promise<TestResult> {
      await reserveTestMessage(db, actor, id);
      const entry = await registry.find(id);
      if (!entry) {
        const row = await readRow(db, id);
        if (!row) throw NotFoundError.of('connector instance', id);
        throw new ConflictError(
          'connector-not-active',
          `Connector "${id}" is not in use: ${problems.get(id) ?? 'its settings cannot be read'}.`,
        );
      }
      const result = await sendTestMessage(entry, input);
      lastTests.set(id, result);
      // Provider errors often quote the address; the trail says what happened, not to whom.
      const error = result.error?.split(input.to.trim()).join('the test address');
      await audit(db, actor, 'test-sent', id, {
        ok: result.ok,
        ...(result.providerMessageId ? { providerMessageId: result.providerMessageId } : {}),
        ...(error ? { error } : {}),
      });
      return result;
    },

    sync: syncOnce,
  };

  // Saves and syncs take turns in this process: a sync that read the table before a save would otherwise put the
  // old settings back, or forget an instance just created, until the next sync.
  return {
    ...instances,
    create: (...args: Parameters<typeof instances.create>) => inTurn(() => instances.create(...args)),
    update: (...args: Parameters<typeof instances.update>) => inTurn(() => instances.update(...args)),
    remove: (...args: Parameters<typeof instances.remove>) => inTurn(() => instances.remove(...args)),
  };

  function forget(id: string): void {
    // A configured instance of the same id stays: it won over the saved one all along.
    if (registry.get(id)?.source === 'database') registry.remove(id);
    problems.delete(id);
    lastTests.delete(id);
    seen.delete(id);
  }

  /**
   * The registry brought up to the saved instances: at start every one, later only those created, changed or deleted
   * since (by any process of the deployment: they share the database, not their registries). The configuration wins
   * an id both name (ops can always override); an instance that cannot be opened is reported on the screen and in
   * the log, and the server still starts.
   */
  /** One sync at a time: a burst of misses (webhooks for an unknown id) reads the table once. */
  function syncOnce(): Promise<Array<{ id: string; problem: string }>> {
    syncing ??= inTurn(sync).finally(() => (syncing = undefined));
    return syncing;
  }

  function inTurn<T>(work: () => Promise<T>): Promise<T> {
    return turns.runExclusive(work);
  }

  async function sync(): Promise<Array<{ id: string; problem: string }>> {
    const rows = await readRows(db);
    for (const row of rows) {
      if (seen.get(row.id) === versionOf(row)) continue;
      if (registry.get(row.id)?.source === 'configuration') {
        seen.set(row.id, versionOf(row));
        problems.set(row.id, 'The server configuration defines a connector with this id; the configured one is used.');
        continue;
      }
      try {
        await activate(row);
      } catch (error) {
        problems.set(row.id, error instanceof Error ? error.message : String(error));
      }
    }
    const saved = new Set(rows.map((row) => row.id));
    for (const entry of registry.list()) if (entry.source === 'database' && !saved.has(entry.id)) forget(entry.id);
    for (const id of [...seen.keys()]) if (!saved.has(id)) forget(id);
    return [...problems].map(([id, problem]) => ({ id, problem }));
  }
}
