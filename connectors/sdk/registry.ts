/** The set of connector instances a server or worker knows, looked up by instance id, each with its connector and settings. */
import { z } from 'zod';
import type { Connector } from './connector.js';

/** Where an instance came from: the code (the development channel), the operator's configuration, or the Connectors screen. */
export type ConnectorSource = 'built-in' | 'configuration' | 'database';

export interface ConnectorEntry {
  /** The instance id journeys and webhook URLs name; the connector's own id unless registered under another. */
  id: string;
  /** What people see; the connector's name unless the instance has its own. */
  name: string;
  source: ConnectorSource;
  connector: Connector<unknown>;
  settings: unknown;
}

export interface RegisterOptions {
  id?: string;
  name?: string;
  source?: ConnectorSource;
}

export class ConnectorRegistry {
  private readonly entries = new Map<string, ConnectorEntry>();
  private refresh?: () => Promise<unknown>;

  /**
   * Settings are checked against the connector's schema here (defaults applied), so a bad setting fails at start, not
   * at first send. Registering an id again replaces it: a saved instance takes effect without a restart.
   */
  register<S>(connector: Connector<S>, settings: unknown = {}, options: RegisterOptions = {}): this {
    const id = options.id ?? connector.id;
    const parsed = connector.settingsSchema.safeParse(settings);
    if (!parsed.success)
      throw new Error(`Settings for connector "${id}" are invalid: ${z.prettifyError(parsed.error)}`);
    this.entries.set(id, {
      id,
      name: options.name ?? connector.name,
      source: options.source ?? 'built-in',
      connector: connector as Connector<unknown>,
      settings: parsed.data,
    });
    return this;
  }

  /** Forgets an instance (deleted on the Connectors screen); later sends through it fail as "not configured". */
  remove(id: string): boolean {
    return this.entries.delete(id);
  }

  get(id: string): ConnectorEntry | undefined {
    return this.entries.get(id);
  }

  /**
   * How to look again for instances this process has not seen: another process of the same deployment may have saved
   * one on the Connectors screen since (runtime/connectors/instances.ts `sync`).
   */
  refreshWith(refresh: () => Promise<unknown>): this {
    this.refresh = refresh;
    return this;
  }

  /** The instance; one not known here is looked for again once, so a send or webhook never fails on a stale list. */
  async find(id: string): Promise<ConnectorEntry | undefined> {
    const known = this.entries.get(id);
    if (known || !this.refresh) return known;
    await this.refresh();
    return this.entries.get(id);
  }

  list(): ConnectorEntry[] {
    return [...this.entries.values()];
  }

  /** The catalogue the designer shows: instance ids, their connector type, channels and settings schemas as JSON Schema. */
  catalogue(): Array<{ id: string; type: string; name: string; channels: string[]; settingsSchema: unknown }> {
    return this.list().map(({ id, name, connector }) => ({
      id,
      type: connector.id,
      name,
      channels: connector.channels,
      settingsSchema: z.toJSONSchema(connector.settingsSchema, { unrepresentable: 'any' }),
    }));
  }
}
