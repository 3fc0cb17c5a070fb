/** The HTTP API in-process over an integration harness: the real app on the harness's database and Temporal, called as a logged-in user. */
import { createApi } from '../../runtime/api/app.js';
import type { Role } from '../../runtime/people/roles.js';
import { ensureUser } from '../../runtime/people/users.js';
import type { Harness } from './harness.js';

const PASSWORD = 'correct horse battery';

export interface HarnessApi {
  api: ReturnType<typeof createApi>;
  /** Adds a user with one role (the password is the same for all of them). */
  addUser(email: string, name: string, role: Role): Promise<void>;
  /** Later calls carry this user's session. */
  loginAs(email: string): Promise<void>;
  call(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read arbitrary answers
}

export function harnessApi(harness: Harness, temporal: { publishLiveCounts?: boolean } = {}): HarnessApi {
  const api = createApi({
    db: harness.database.db,
    connectors: harness.connectors,
    temporal: () => ({ client: harness.env.client, taskQueue: harness.taskQueue, ...temporal }),
    temporalAddress: 'test',
  });
  let cookie = '';
  return {
    api,
    async addUser(email, name, role) {
      await ensureUser(harness.database.db, { email, name, password: PASSWORD, roles: [role] });
    },
    async loginAs(email) {
      const response = await api.request('/api/sessions', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: PASSWORD }),
      });
      if (response.status !== 200) throw new Error(`${email} could not log in: ${response.status}`);
      cookie = response.headers.get('set-cookie')!.split(';')[0];
    },
    async call(method, path, body) {
      const response = await api.request(path, {
        method,
        headers: { 'content-type': 'application/json', cookie },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : null };
    },
  };
}
