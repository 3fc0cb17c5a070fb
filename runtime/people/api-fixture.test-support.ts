/** An in-process API on a scratch libsql file, with one user per role and a helper to call it as any of them. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../db/client.js';
import { ConnectorRegistry } from '../../connectors/sdk/registry.js';
import { createDevConnector } from '../../connectors/dev/dev-connector.js';
import { createApi } from '../api/app.js';
import { testConnectorInstances } from '../connectors/instances.test-support.js';
import { ensureUser } from './users.js';
import { ROLES, type Role } from './roles.js';

export const PASSWORD = 'a long enough password';

export interface Answer {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary answer fields
  body: any;
  text: string;
  headers: Headers;
}

export interface ApiFixture {
  database: OpenedDatabase;
  api: ReturnType<typeof createApi>;
  /** The registry the API and a worker would share: what a saved connector instance changes at once. */
  connectors: ConnectorRegistry;
  /** User ids by role: `program-manager@example.org` holds only `program-manager`, and so on. */
  userIds: Record<Role, string>;
  emailOf(role: Role): string;
  /** Logs in and returns the cookie header value. */
  login(email: string, password?: string): Promise<string>;
  call(
    method: string,
    path: string,
    options?: { cookie?: string; body?: unknown; headers?: Record<string, string>; address?: string },
  ): Promise<Answer>;
}

/** Registers beforeAll/afterAll hooks; the fixture's fields are ready inside tests. */
export function useApiFixture(): ApiFixture {
  const fixture = { userIds: {} } as ApiFixture;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'carepath-people-'));
    fixture.database = await openDatabase(`file:${join(dir, 'api.db')}`);
    for (const role of ROLES)
      fixture.userIds[role] = await ensureUser(fixture.database.db, {
        email: fixture.emailOf(role),
        name: `${role} user`,
        password: PASSWORD,
        roles: [role],
        ...(role === 'compliance-reviewer' ? { discipline: 'medical' as const } : {}),
      });
    const connectors = new ConnectorRegistry().register(createDevConnector({ deliver: async () => 'unused' }), {
      undeliverablePrefix: '+1555000',
    });
    fixture.connectors = connectors;
    fixture.api = createApi({
      db: fixture.database.db,
      connectors,
      connectorInstances: testConnectorInstances(fixture.database.db, connectors),
      temporal: () => undefined,
      temporalAddress: 'none',
    });
  });
  afterAll(() => {
    fixture.database?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  fixture.emailOf = (role) => `${role}@example.org`;
  fixture.call = async (method, path, options = {}) => {
    const response = await fixture.api.request(
      path,
      {
        method,
        headers: {
          ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(options.cookie ? { cookie: options.cookie } : {}),
          ...options.headers,
        },
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
      },
      // What @hono/node-server passes: the client's socket, for per-address login throttling.
      options.address ? { incoming: { socket: { remoteAddress: options.address } } } : undefined,
    );
    const text = await response.text();
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      body = null; // CSV and other text answers: read `text`
    }
    return { status: response.status, body, text, headers: response.headers };
  };
  fixture.login = async (email, password = PASSWORD) => {
    const answer = await fixture.call('POST', '/api/sessions', { body: { email, password } });
    if (answer.status !== 200) throw new Error(`login as ${email} failed: ${answer.status} ${answer.text}`);
    return answer.headers.get('set-cookie')!.split(';')[0];
  };
  return fixture;
}
