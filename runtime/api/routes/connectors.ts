/** Connectors: the catalogue journeys pick from, and for engineers and admins the types and instances (create, change, delete, test). */
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../context.js';
import { body, bodyErrors, errors, json, sessionErrors, lookupErrors } from '../openapi.js';
import { ConnectorList } from '../schemas/connector.js';
import { requireRole, roles } from '../auth.js';
import { ROLES } from '../../people/roles.js';
import { UnavailableError } from '../../errors.js';
import {
  ConnectorInstanceAnswer,
  ConnectorInstanceChange,
  ConnectorInstanceList,
  ConnectorTypeList,
  InstanceIdParam,
  NewConnectorInstance,
  TestMessageAnswer,
  TestMessageInput,
} from '../schemas/connectors.js';

const catalogue = createRoute({
  method: 'get',
  path: '/connectors',
  tags: ['Connectors'],
  ...roles(...ROLES),
  summary: 'Connectors with their settings schemas',
  responses: {
    200: json(ConnectorList, 'The catalogue'),
    401: errors[401],
  },
});

const STAFF = ['engineer', 'admin'] as const;

function instancesOf(c: Context<AppEnv>) {
  const instances = c.get('deps').connectorInstances;
  if (!instances)
    throw new UnavailableError(
      'connector-instances-unavailable',
      'This server keeps no connector instances (it was started without a settings key).',
    );
  return instances;
}

const types = createRoute({
  method: 'get',
  path: '/connector-types',
  tags: ['Connectors'],
  ...roles(...STAFF),
  summary: 'Connector types an instance can be made of, with their settings JSON Schema',
  responses: {
    200: json(ConnectorTypeList, 'The types'),
    ...sessionErrors,
    503: errors[503],
  },
});

const list = createRoute({
  method: 'get',
  path: '/connector-instances',
  tags: ['Connectors'],
  ...roles(...STAFF),
  summary: 'Every connector instance: built in, from configuration (read-only), and saved here',
  responses: {
    200: json(ConnectorInstanceList, 'The instances; secrets only as "set" or "not set"'),
    ...sessionErrors,
    503: errors[503],
  },
});

const create = createRoute({
  method: 'post',
  path: '/connector-instances',
  tags: ['Connectors'],
  ...roles(...STAFF),
  summary: 'Save a connector instance; it takes effect at once',
  request: body(NewConnectorInstance),
  responses: {
    201: json(ConnectorInstanceAnswer, 'The instance; audited without secret values'),
    ...bodyErrors,
    ...sessionErrors,
    409: errors[409],
    503: errors[503],
  },
});

const read = createRoute({
  method: 'get',
  path: '/connector-instances/{id}',
  tags: ['Connectors'],
  ...roles(...STAFF),
  summary: 'One connector instance',
  request: { params: InstanceIdParam },
  responses: {
    200: json(ConnectorInstanceAnswer, 'The instance'),
    ...lookupErrors,
    503: errors[503],
  },
});

const change = createRoute({
  method: 'put',
  path: '/connector-instances/{id}',
  tags: ['Connectors'],
  ...roles(...STAFF),
  summary: "Change a saved instance's name and settings; a secret left blank keeps its stored value",
  request: { params: InstanceIdParam, ...body(ConnectorInstanceChange) },
  responses: {
    200: json(ConnectorInstanceAnswer, 'The instance; the running server uses the new settings at once'),
    ...bodyErrors,
    ...sessionErrors,
    404: errors[404],
    409: errors[409],
    503: errors[503],
  },
});

const remove = createRoute({
  method: 'delete',
  path: '/connector-instances/{id}',
  tags: ['Connectors'],
  ...roles(...STAFF),
  summary: 'Delete a saved instance; refused while a published or running journey version sends through it',
  request: { params: InstanceIdParam },
  responses: {
    204: { description: 'Deleted' },
    ...lookupErrors,
    409: errors[409],
    503: errors[503],
  },
});

const test = createRoute({
  method: 'post',
  path: '/connector-instances/{id}/test-messages',
  tags: ['Connectors'],
  ...roles(...STAFF),
  summary: "Send a test message through the instance and answer the provider's reply",
  request: { params: InstanceIdParam, ...body(TestMessageInput) },
  responses: {
    200: json(TestMessageAnswer, 'What the provider said: accepted (its message id) or its error; audited'),
    ...bodyErrors,
    ...sessionErrors,
    404: errors[404],
    409: errors[409],
    429: errors[429],
    503: errors[503],
  },
});

export const connectorRoutes = new OpenAPIHono<AppEnv>()
  .openapi(catalogue, (c) => {
    requireRole(c, ...ROLES);
    return c.json({ connectors: c.get('deps').connectors.catalogue() }, 200);
  })
  .openapi(types, (c) => {
    requireRole(c, ...STAFF);
    return c.json({ types: instancesOf(c).types() }, 200);
  })
  .openapi(list, async (c) => {
    requireRole(c, ...STAFF);
    return c.json({ instances: await instancesOf(c).list() }, 200);
  })
  .openapi(create, async (c) => {
    const user = requireRole(c, ...STAFF);
    return c.json({ instance: await instancesOf(c).create(user.id, c.req.valid('json')) }, 201);
  })
  .openapi(read, async (c) => {
    requireRole(c, ...STAFF);
    return c.json({ instance: await instancesOf(c).get(c.req.valid('param').id) }, 200);
  })
  .openapi(change, async (c) => {
    const user = requireRole(c, ...STAFF);
    const instance = await instancesOf(c).update(user.id, c.req.valid('param').id, c.req.valid('json'));
    return c.json({ instance }, 200);
  })
  .openapi(remove, async (c) => {
    const user = requireRole(c, ...STAFF);
    await instancesOf(c).remove(user.id, c.req.valid('param').id);
    return c.body(null, 204);
  })
  .openapi(test, async (c) => {
    const user = requireRole(c, ...STAFF);
    const result = await instancesOf(c).sendTest(user.id, c.req.valid('param').id, c.req.valid('json'));
    return c.json({ result }, 200);
  });
