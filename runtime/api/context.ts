/** What every route can reach: the database, Temporal (when connected), the connectors, and the logged-in user. */
import type { PayloadCodec } from '@temporalio/common';
import type { Database } from '../db/client.js';
import type { ConnectorRegistry } from '../../connectors/sdk/registry.js';
import type { TemporalAccess } from '../enrollments/enroll.js';
import type { SessionUser } from '../people/roles.js';
import type { ConnectorInstances } from '../connectors/instances.js';

export interface ApiDeps {
  db: Database;
  connectors: ConnectorRegistry;
  /** Connector instances saved on the Connectors screen; absent without a settings key, and their routes answer 503. */
  connectorInstances?: ConnectorInstances;
  /** Absent while Temporal is unreachable; routes that need it answer 503. */
  temporal: () => TemporalAccess | undefined;
  temporalAddress: string;
  /** The payload codec behind `/api/temporal-codec`, and the Temporal Web UI origins allowed to call it from a browser. */
  payloadCodec?: { codec: PayloadCodec; uiOrigins: string[] };
}

export type AppEnv = { Variables: { user: SessionUser; deps: ApiDeps } };
