/** Connector instances for in-process API tests: the built-in types, secrets sealed under a fresh key held in memory only. */
import { randomBytes } from 'node:crypto';
import type { ConnectorRegistry } from '../../connectors/sdk/index.js';
import type { Database } from '../db/client.js';
import { BUILT_IN_CONNECTORS } from '../channels/configured.js';
import { staticKeyProvider } from '../temporal/keys.js';
import { createConnectorInstances } from './instances.js';
import { createSecretBox } from './secret-box.js';

export function testConnectorInstances(db: Database, registry: ConnectorRegistry) {
  // Like the real key, never in the database.
  const keys = staticKeyProvider([{ id: 'test-1', material: new Uint8Array(randomBytes(32)) }], 'test-1');
  return createConnectorInstances({ db, registry, box: createSecretBox(keys), types: BUILT_IN_CONNECTORS });
}
