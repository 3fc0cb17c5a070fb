/** The connector catalogue the designer builds its settings forms from. */
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import type { AppEnv } from '../context.js';
import { ok } from '../openapi.js';
import { requireRole } from '../auth.js';
import { ROLES } from '../../people/roles.js';

export const connectorRoutes = new OpenAPIHono<AppEnv>();

connectorRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/connectors',
    tags: ['Connectors'],
    summary: 'Connectors with their settings schemas',
    responses: { 200: ok('The catalogue') },
  }),
  (c) => {
    requireRole(c, ...ROLES);
    return c.json({ connectors: c.get('deps').connectors.catalogue() }, 200);
  },
);
