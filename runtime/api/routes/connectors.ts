/** The connector catalogue the designer builds its settings forms from. */
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import type { AppEnv } from '../context.js';
import { errors, json } from '../openapi.js';
import { ConnectorList } from '../schemas/connector.js';
import { requireRole, roles } from '../auth.js';
import { ROLES } from '../../people/roles.js';

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

export const connectorRoutes = new OpenAPIHono<AppEnv>().openapi(catalogue, (c) => {
  requireRole(c, ...ROLES);
  return c.json({ connectors: c.get('deps').connectors.catalogue() }, 200);
});
