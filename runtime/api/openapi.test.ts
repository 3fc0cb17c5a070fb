import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { ROLES, type Role } from '../people/roles.js';
import {
  admitsAnything,
  answerJsonSchema,
  answerValidator,
  nameOf,
  operationsOf,
  type OpenApiDocument,
  type Operation,
} from './contract.js';
import { startTestApi, type TestApi } from './testing.js';
import { IdParam, body } from './openapi.js';

let fixture: TestApi;
let document: OpenApiDocument;

beforeAll(async () => {
  fixture = await startTestApi();
  document = (await (await fixture.api.request('/api/openapi.json')).json()) as OpenApiDocument;
});

afterAll(() => fixture.close());

/**
 * The error statuses an operation can answer whatever it does, from what it reads; each with the reason.
 * 401 and 403 depend on the session and the role: the walk below finds them by calling every operation as every role.
 */
function expectedErrors(op: Operation): Array<[number, string]> {
  const parameters = op.operation.parameters ?? [];
  const expected: Array<[number, string]> = [];
  if (parameters.length > 0 || op.operation.requestBody) expected.push([400, 'it reads input that can be malformed']);
  if (parameters.some((p) => p.in === 'path')) expected.push([404, 'it names a resource in its path']);
  if (op.operation.requestBody) {
    expected.push([413, 'it reads a body, which can be too large']);
    expected.push([415, 'it reads a JSON body, and a client can send another type']);
  }
  return expected;
}

/** Every gap in one operation's description, each a sentence that says what to add. */
function gapsOf(op: Operation): string[] {
  const name = nameOf(op);
  const responses = op.operation.responses ?? {};
  const statuses = Object.keys(responses);
  const gaps: string[] = [];
  const successes = statuses.filter((status) => status.startsWith('2'));
  if (successes.length === 0) gaps.push(`${name}: declares no success answer`);
  for (const status of successes)
    if (status !== '204' && admitsAnything(answerJsonSchema(op, status)))
      gaps.push(`${name}: its ${status} answer has no body schema (z.any() or none); declare it with json(Schema, …)`);
  for (const status of statuses.filter((s) => Number(s) >= 400))
    if (answerJsonSchema(op, status)?.$ref !== '#/components/schemas/Error')
      gaps.push(`${name}: its ${status} answer does not use the shared error body; declare it with errors[${status}]`);
  for (const [status, why] of expectedErrors(op))
    if (!(String(status) in responses))
      gaps.push(`${name}: declares no ${status} answer, though ${why}; add ${status}: errors[${status}]`);
  return gaps;
}

/** Ids a careless client might send: one that does not exist, and one longer than any id. */
const probeIds = (op: Operation) => (op.path.includes('{') ? ['does-not-exist', 'x'.repeat(101)] : ['']);

/** Whether the answer's status is declared, and its body matches the schema declared for that status. */
async function answerGaps(op: Operation, where: string, response: Response): Promise<string[]> {
  if (!(String(response.status) in (op.operation.responses ?? {})))
    return [`${where}: answered ${response.status}, which the document does not declare`];
  const validator = answerValidator(document, op, response.status);
  if (!validator) return [];
  const result = validator.safeParse(await response.json());
  if (result.success) return [];
  const issues = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  return [`${where}: the ${response.status} body does not match its schema: ${issues}`];
}

describe('the served OpenAPI document', () => {
  it('describes every operation completely enough for a schema-driven fuzzer to check its answers', () => {
    const operations = operationsOf(document);
    expect(operations.length).toBeGreaterThan(20);
    expect(operations.flatMap(gapsOf)).toEqual([]);
  });

  it('names the gaps of an operation described the old way (an answer of z.any(), errors left out)', async () => {
    const legacy = new OpenAPIHono().openapi(
      createRoute({
        method: 'put',
        path: '/things/{id}',
        request: { params: IdParam, ...body(z.object({ name: z.string() })) },
        responses: { 200: { content: { 'application/json': { schema: z.any() } }, description: 'The thing' } },
      }),
      (c) => c.json({}, 200),
    );
    legacy.doc31('/doc', { openapi: '3.1.0', info: { title: 'legacy', version: '1' } });
    const [op] = operationsOf((await (await legacy.request('/doc')).json()) as OpenApiDocument);
    expect(gapsOf(op)).toEqual([
      'PUT /things/{id}: its 200 answer has no body schema (z.any() or none); declare it with json(Schema, …)',
      'PUT /things/{id}: declares no 400 answer, though it reads input that can be malformed; add 400: errors[400]',
      'PUT /things/{id}: declares no 404 answer, though it names a resource in its path; add 404: errors[404]',
      'PUT /things/{id}: declares no 413 answer, though it reads a body, which can be too large; add 413: errors[413]',
      'PUT /things/{id}: declares no 415 answer, though it reads a JSON body, and a client can send another type; add 415: errors[415]',
    ]);
  });

  it('declares every answer each role gets from every operation, with a body that matches the declared schema', async () => {
    // Logging out ends the session, so it goes last for each caller.
    const operations = operationsOf(document).sort(
      (a, b) => Number(nameOf(a) === 'DELETE /api/sessions') - Number(nameOf(b) === 'DELETE /api/sessions'),
    );
    const callers: Array<Role | 'anonymous'> = ['anonymous', ...ROLES];
    const gaps: string[] = [];
    for (const caller of callers) {
      const cookie = caller === 'anonymous' ? '' : await fixture.cookieOf(caller);
      for (const op of operations)
        for (const id of probeIds(op)) {
          const path = op.path.replace(/\{[^}]+\}/g, id);
          const response = await fixture.api.request(path, {
            method: op.method.toUpperCase(),
            headers: { cookie, ...(op.operation.requestBody ? { 'content-type': 'application/json' } : {}) },
            body: op.operation.requestBody ? '{}' : undefined,
          });
          gaps.push(...(await answerGaps(op, `${nameOf(op)} as ${caller} with ${path}`, response)));
        }
    }
    expect(gaps).toEqual([]);
  });
});
