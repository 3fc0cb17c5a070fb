/** The set of connectors a server or worker knows, looked up by id, with their settings. */
import { z } from 'zod';
import type { Connector } from './connector.js';

export interface ConnectorEntry {
  connector: Connector<unknown>;
  settings: unknown;
}

export class ConnectorRegistry {
  private readonly entries = new Map<string, ConnectorEntry>();

  /** Settings are checked against the connector's schema here (defaults applied), so a bad setting fails at start, not at first send. */
  register<S>(connector: Connector<S>, settings: unknown = {}): this {
    const parsed = connector.settingsSchema.safeParse(settings);
    if (!parsed.success)
      throw new Error(`Settings for connector "${connector.id}" are invalid: ${z.prettifyError(parsed.error)}`);
    this.entries.set(connector.id, { connector: connector as Connector<unknown>, settings: parsed.data });
    return this;
  }

  get(id: string): ConnectorEntry | undefined {
    return this.entries.get(id);
  }

  /** The catalogue the designer shows: ids, channels and settings schemas as JSON Schema. */
  catalogue(): Array<{ id: string; name: string; channels: string[]; settingsSchema: unknown }> {
    return [...this.entries.values()].map(({ connector }) => ({
      id: connector.id,
      name: connector.name,
      channels: connector.channels,
      settingsSchema: z.toJSONSchema(connector.settingsSchema, { unrepresentable: 'any' }),
    }));
  }
}
