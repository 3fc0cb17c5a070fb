/** The connector types an instance can be made of on the Connectors screen, each with its settings form's JSON Schema. */
import type { Connector } from '../../connectors/sdk/index.js';
import { secretFieldsOf, settingsJsonSchema } from './secret-fields.js';

export type ConnectorFactories = Record<string, () => Connector<unknown>>;

export interface ConnectorTypeView {
  id: string;
  name: string;
  channels: string[];
  settingsSchema: Record<string, unknown>;
  /** Fields the form shows as password inputs, stored encrypted and never sent back. */
  secretFields: string[];
}

export function describeTypes(factories: ConnectorFactories): ConnectorTypeView[] {
  return Object.values(factories).map((create) => {
    const connector = create();
    return {
      id: connector.id,
      name: connector.name,
      channels: connector.channels,
      settingsSchema: settingsJsonSchema(connector),
      secretFields: secretFieldsOf(connector),
    };
  });
}
