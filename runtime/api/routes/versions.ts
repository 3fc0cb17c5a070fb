/** Versions: read one, and change its status (publish, pause, resume, retire). */
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import type { AppEnv } from '../context.js';
import { errors, ok, IdParam } from '../openapi.js';
import { requireRole } from '../auth.js';
import { changeVersionStatus, getVersion } from '../../journeys/repository.js';
import type { VersionAction } from '../../journeys/lifecycle.js';

export const versionRoutes = new OpenAPIHono<AppEnv>();

versionRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/versions/{id}',
    tags: ['Versions'],
    summary: 'A version with its frozen document',
    request: { params: IdParam },
    responses: { 200: ok('The version'), 404: errors[404] },
  }),
  async (c) => {
    requireRole(c, 'program-manager', 'compliance-reviewer');
    return c.json({ version: await getVersion(c.get('deps').db, c.req.valid('param').id) }, 200);
  },
);

for (const action of ['publish', 'pause', 'resume', 'retire'] as const satisfies readonly VersionAction[]) {
  versionRoutes.openapi(
    createRoute({
      method: 'post',
      path: `/versions/{id}/${action}`,
      tags: ['Versions'],
      summary: `${action[0].toUpperCase()}${action.slice(1)} a version`,
      request: { params: IdParam },
      responses: { 200: ok('The version in its new status'), 404: errors[404], 409: errors[409] },
    }),
    async (c) => {
      const user = requireRole(c, 'program-manager');
      return c.json(
        { version: await changeVersionStatus(c.get('deps').db, user.id, c.req.valid('param').id, action) },
        200,
      );
    },
  );
}
