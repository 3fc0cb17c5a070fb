/** A test fixture for in-process API tests: a fresh libsql file, one user per role, and a session cookie for each. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type OpenedDatabase } from '../db/client.js';
import { ensureUser } from '../people/users.js';
import { ROLES, type Role } from '../people/roles.js';
import { ConnectorRegistry } from '../../connectors/sdk/registry.js';
import { createDevConnector } from '../../connectors/dev/dev-connector.js';
import { createApi } from './app.js';
import { testConnectorInstances } from '../connectors/instances.test-support.js';

export interface TestApi {
  api: ReturnType<typeof createApi>;
  database: OpenedDatabase;
  /** The session cookie of a user holding only this role (a compliance reviewer signs for medical). */
  cookieOf(role: Role): Promise<string>;
  close(): void;
}

const PASSWORD = 'correct horse battery';

/** No Temporal: routes that need it answer 503, which is part of their contract. */
export async function startTestApi(): Promise<TestApi> {
  const dir = mkdtempSync(join(tmpdir(), 'carepath-api-'));
  const database = await openDatabase(`file:${join(dir, 'api.db')}`);
  for (const role of ROLES)
    await ensureUser(database.db, {
      email: `${role}@example.org`,
      name: `Test ${role}`,
      password: PASSWORD,
      roles: [role],
      ...(role === 'compliance-reviewer' ? { discipline: 'medical' as const } : {}),
    });
  const connectors = new ConnectorRegistry().register(createDevConnector({ deliver: async () => 'unused' }), {
    undeliverablePrefix: '+1555000',
  });
  const api = createApi({
    db: database.db,
    connectors,
    connectorInstances: testConnectorInstances(database.db, connectors),
    temporal: () => undefined,
    temporalAddress: 'none',
  });
  const cookies = new Map<Role, string>();
  return {
    api,
    database,
    async cookieOf(role) {
      const known = cookies.get(role);
      if (known) return known;
      const response = await api.request('/api/sessions', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: `${role}@example.org`, password: PASSWORD }),
      });
      if (response.status !== 200) throw new Error(`Logging in as ${role} answered ${response.status}.`);
      const cookie = response.headers.get('set-cookie')!.split(';')[0];
      cookies.set(role, cookie);
      return cookie;
    },
    close() {
      database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
