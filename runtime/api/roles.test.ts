/** Every operation of the served OpenAPI document × every role and anonymous: 401, 403 or let through, as EXPECTED_ROLES says. */
import { beforeAll, describe, expect, it } from 'vitest';
import { useApiFixture, PASSWORD } from '../people/api-fixture.test-support.js';
import { ROLES, type Role } from '../people/roles.js';
import { EXPECTED_ROLES } from './route-roles.js';

const f = useApiFixture();

interface Operation {
  key: string;
  method: string;
  path: string;
  hasBody: boolean;
  declared: unknown;
}

let operations: Operation[] = [];
const cookies = {} as Record<Role, string>;

beforeAll(async () => {
  const document = (await f.call('GET', '/api/openapi.json')).body;
  operations = Object.entries(document.paths as Record<string, Record<string, Record<string, unknown>>>).flatMap(
    ([path, item]) =>
      Object.entries(item).map(([method, operation]) => ({
        key: `${method.toUpperCase()} /api${path.replace(/^\/api/, '')}`,
        method: method.toUpperCase(),
        path: `/api${path.replace(/^\/api/, '')}`,
        hasBody: 'requestBody' in operation,
        declared: operation['x-roles'],
      })),
  );
  for (const role of ROLES) cookies[role] = await f.login(f.emailOf(role));
});

/** Calls the operation with ids that name nothing and an empty body: enough to meet the role check, changing nothing. */
function callAs(operation: Operation, cookie?: string) {
  const path = operation.path.replace(/\{[^}]+\}/g, 'no-such-id');
  return f.call(operation.method, path, { cookie, ...(operation.hasBody ? { body: {} } : {}) });
}

describe('roles on every operation', () => {
  it('has an expectation for every operation the document serves, and none for operations that are gone', () => {
    expect(operations.length).toBeGreaterThan(20);
    const missing = operations.filter((op) => !(op.key in EXPECTED_ROLES)).map((op) => op.key);
    expect(missing, `add these operations to runtime/api/route-roles.ts with the roles they admit`).toEqual([]);
    const gone = Object.keys(EXPECTED_ROLES).filter((key) => !operations.some((op) => op.key === key));
    expect(gone, 'these entries of runtime/api/route-roles.ts name no served operation').toEqual([]);
  });

  it('declares in the document (x-roles) exactly the roles expected of every operation behind a session', () => {
    const wrong = operations
      .filter((op) => EXPECTED_ROLES[op.key] && EXPECTED_ROLES[op.key] !== 'public')
      .filter(
        (op) =>
          JSON.stringify([...((op.declared as Role[]) ?? [])].sort()) !==
          JSON.stringify([...(EXPECTED_ROLES[op.key] as Role[])].sort()),
      )
      .map(
        (op) =>
          `${op.key}: declares ${JSON.stringify(op.declared ?? null)}, expected ${JSON.stringify(EXPECTED_ROLES[op.key])}`,
      );
    expect(wrong).toEqual([]);
  });

  it('answers 401 to anonymous callers, 403 to roles not admitted, and lets admitted roles through', async () => {
    const wrong: string[] = [];
    for (const operation of operations) {
      const expected = EXPECTED_ROLES[operation.key];
      if (!expected) continue;
      const anonymous = await callAs(operation);
      if (expected === 'public' ? [401, 403].includes(anonymous.status) : anonymous.status !== 401)
        wrong.push(`${operation.key} anonymous: ${anonymous.status}`);
      if (expected === 'public') continue;
      for (const role of ROLES) {
        const answer = await callAs(operation, cookies[role]);
        const admitted = expected.includes(role);
        if (admitted ? [401, 403].includes(answer.status) : answer.status !== 403)
          wrong.push(
            `${operation.key} as ${role}: ${answer.status} (${admitted ? 'admitted' : 'not admitted'}) ${answer.text.slice(0, 120)}`,
          );
        // Logging out ended that role's session; open a new one for the operations after it.
        if (operation.key === 'DELETE /api/sessions' && answer.status === 204)
          cookies[role] = await f.login(f.emailOf(role), PASSWORD);
      }
    }
    expect(wrong).toEqual([]);
  });
});
