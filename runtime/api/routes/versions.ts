/** Versions: read one, and change its status by a named action (publish, pause, resume, retire). */
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import type { AppEnv } from '../context.js';
import { errors, json, IdParam, lookupErrors } from '../openapi.js';
import { VersionAnswer, VersionWithDocumentAnswer } from '../schemas/version.js';
import { requireRole, roles } from '../auth.js';
import { changeVersionStatus, getVersion } from '../../journeys/repository.js';
import type { VersionAction } from '../../journeys/lifecycle.js';

const getOne = createRoute({
  method: 'get',
  path: '/versions/{id}',
  tags: ['Versions'],
  ...roles('program-manager', 'compliance-reviewer'),
  summary: 'A version with its frozen document',
  request: { params: IdParam },
  responses: {
    200: json(VersionWithDocumentAnswer, 'The version'),
    ...lookupErrors,
  },
});

/** One route per action a person asks for by name; each answers the version in its new status. */
function statusRoute<A extends VersionAction>(action: A, summary: string) {
  return createRoute({
    method: 'post',
    path: `/versions/{id}/${action}`,
    tags: ['Versions'],
    ...roles('program-manager'),
    summary,
    request: { params: IdParam },
    responses: {
      200: json(VersionAnswer, 'The version in its new status'),
      ...lookupErrors,
      409: errors[409],
    },
  });
}

const publish = statusRoute('publish', 'Publish a version');
const pause = statusRoute('pause', 'Pause a version: no new enrollments');
const resume = statusRoute('resume', 'Resume a paused version');
const retire = statusRoute('retire', 'Retire a version');

export const versionRoutes = new OpenAPIHono<AppEnv>()
  .openapi(getOne, async (c) => {
    requireRole(c, 'program-manager', 'compliance-reviewer');
    return c.json({ version: await getVersion(c.get('deps').db, c.req.valid('param').id) }, 200);
  })
  .openapi(publish, async (c) => {
    const user = requireRole(c, 'program-manager');
    return c.json(
      { version: await changeVersionStatus(c.get('deps').db, user.id, c.req.valid('param').id, 'publish') },
      200,
    );
  })
  .openapi(pause, async (c) => {
    const user = requireRole(c, 'program-manager');
    return c.json(
      { version: await changeVersionStatus(c.get('deps').db, user.id, c.req.valid('param').id, 'pause') },
      200,
    );
  })
  .openapi(resume, async (c) => {
    const user = requireRole(c, 'program-manager');
    return c.json(
      { version: await changeVersionStatus(c.get('deps').db, user.id, c.req.valid('param').id, 'resume') },
      200,
    );
  })
  .openapi(retire, async (c) => {
    const user = requireRole(c, 'program-manager');
    return c.json(
      { version: await changeVersionStatus(c.get('deps').db, user.id, c.req.valid('param').id, 'retire') },
      200,
    );
  });
