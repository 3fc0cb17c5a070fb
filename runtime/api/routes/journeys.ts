/** Journeys and their drafts; validation of any document. */
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../context.js';
import { body, errors, ok, IdParam } from '../openapi.js';
import { requireRole } from '../auth.js';
import {
  acceptDraft,
  createJourney,
  getJourney,
  listJourneys,
  saveDraft,
  snapshotVersion,
} from '../../journeys/repository.js';
import { starterDocument } from '../../../schema/starter.js';
import { validateJourney } from '../../../schema/validate.js';

export const journeyRoutes = new OpenAPIHono<AppEnv>();

/** The connectors installed on this server, so validation refuses a journey that names one it cannot use. */
function connectorContext(c: Context<AppEnv>) {
  return { connectors: c.get('deps').connectors.catalogue() };
}

const Document = z
  .record(z.string(), z.unknown())
  .openapi('JourneyDocument', { description: 'A journey document; its JSON Schema is printed by `carepath schema`' });

journeyRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/journeys',
    tags: ['Journeys'],
    summary: 'List journeys',
    responses: { 200: ok('Journeys with their latest version') },
  }),
  async (c) => {
    requireRole(c, 'program-manager', 'compliance-reviewer');
    return c.json({ journeys: await listJourneys(c.get('deps').db) }, 200);
  },
);

journeyRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/journeys',
    tags: ['Journeys'],
    summary: 'Create a journey',
    request: body(z.object({ name: z.string().trim().min(1).max(200), document: Document.optional() })),
    responses: { 201: ok('The new journey'), 400: errors[400] },
  }),
  async (c) => {
    const user = requireRole(c, 'program-manager');
    const { name, document } = c.req.valid('json');
    const draft = document ? acceptDraft(document).document : starterDocument(name);
    return c.json({ journey: await createJourney(c.get('deps').db, user.id, name, draft) }, 201);
  },
);

journeyRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/journeys/{id}',
    tags: ['Journeys'],
    summary: 'A journey with its draft, problems and versions',
    request: { params: IdParam },
    responses: { 200: ok('The journey'), 404: errors[404] },
  }),
  async (c) => {
    requireRole(c, 'program-manager', 'compliance-reviewer');
    return c.json({ journey: await getJourney(c.get('deps').db, c.req.valid('param').id, connectorContext(c)) }, 200);
  },
);

journeyRoutes.openapi(
  createRoute({
    method: 'put',
    path: '/journeys/{id}/draft',
    tags: ['Journeys'],
    summary: 'Save the draft',
    request: { params: IdParam, ...body(z.object({ document: Document })) },
    responses: { 200: ok('The journey with its saved draft'), 400: errors[400], 404: errors[404] },
  }),
  async (c) => {
    const user = requireRole(c, 'program-manager');
    return c.json(
      {
        journey: await saveDraft(
          c.get('deps').db,
          user.id,
          c.req.valid('param').id,
          c.req.valid('json').document,
          connectorContext(c),
        ),
      },
      200,
    );
  },
);

journeyRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/journeys/{id}/versions',
    tags: ['Versions'],
    summary: 'Snapshot the saved draft as a new immutable version',
    request: { params: IdParam },
    responses: { 201: ok('The new version'), 404: errors[404], 422: errors[422] },
  }),
  async (c) => {
    const user = requireRole(c, 'program-manager');
    return c.json(
      { version: await snapshotVersion(c.get('deps').db, user.id, c.req.valid('param').id, connectorContext(c)) },
      201,
    );
  },
);

journeyRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/validate',
    tags: ['Journeys'],
    summary: 'Validate a journey document',
    request: body(z.object({ document: z.unknown() })),
    responses: { 200: ok('Every problem at once') },
  }),
  async (c) => {
    requireRole(c, 'program-manager', 'compliance-reviewer', 'engineer');
    const result = validateJourney(c.req.valid('json').document, connectorContext(c));
    return c.json({ ok: result.ok, problems: result.problems }, 200);
  },
);
