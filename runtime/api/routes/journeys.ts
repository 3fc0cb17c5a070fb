/** Journeys and their drafts; validation of any document. */
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../context.js';
import { body, bodyErrors, errors, json, sessionErrors, IdParam, lookupErrors } from '../openapi.js';
import {
  DraftInput,
  JourneyAnswer,
  JourneyList,
  JourneySummary,
  NewJourney,
  ValidationInput,
  ValidationResult,
} from '../schemas/journey.js';
import { VersionAnswer } from '../schemas/version.js';
import { requireRole, roles } from '../auth.js';
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

/** The connectors installed on this server, so validation refuses a journey that names one it cannot use. */
function connectorContext(c: Context<AppEnv>) {
  return { connectors: c.get('deps').connectors.catalogue() };
}

const listAll = createRoute({
  method: 'get',
  path: '/journeys',
  tags: ['Journeys'],
  ...roles('program-manager', 'compliance-reviewer'),
  summary: 'List journeys',
  responses: {
    200: json(JourneyList, 'Journeys with their latest version'),
    ...sessionErrors,
  },
});

const create = createRoute({
  method: 'post',
  path: '/journeys',
  tags: ['Journeys'],
  ...roles('program-manager'),
  summary: 'Create a journey',
  request: body(NewJourney),
  responses: {
    201: json(JourneyAnswer, 'The new journey'),
    ...bodyErrors,
    ...sessionErrors,
  },
});

const getOne = createRoute({
  method: 'get',
  path: '/journeys/{id}',
  tags: ['Journeys'],
  ...roles('program-manager', 'compliance-reviewer'),
  summary: 'A journey with its draft, problems and versions',
  request: { params: IdParam },
  responses: {
    200: json(JourneyAnswer, 'The journey'),
    ...lookupErrors,
  },
});

const saveTheDraft = createRoute({
  method: 'put',
  path: '/journeys/{id}/draft',
  tags: ['Journeys'],
  ...roles('program-manager'),
  summary: 'Save the draft',
  description:
    'Saved whatever its problems (they come back in `problems`; snapshot refuses them). Refused with 400 only past ' +
    'the size and shape limits, and with 409 when `baseRevision` is older than the saved draft (someone saved since).',
  request: { params: IdParam, ...body(DraftInput) },
  responses: {
    200: json(JourneyAnswer, 'The journey with its saved draft'),
    ...bodyErrors,
    ...sessionErrors,
    404: errors[404],
    409: errors[409],
  },
});

const snapshot = createRoute({
  method: 'post',
  path: '/journeys/{id}/versions',
  tags: ['Versions'],
  ...roles('program-manager'),
  summary: 'Snapshot the saved draft as a new immutable version',
  request: { params: IdParam },
  responses: {
    201: json(VersionAnswer, 'The new version'),
    ...lookupErrors,
    422: errors[422],
  },
});

const validate = createRoute({
  method: 'post',
  path: '/validate',
  tags: ['Journeys'],
  ...roles('program-manager', 'compliance-reviewer', 'engineer'),
  summary: 'Validate a journey document',
  request: body(ValidationInput),
  responses: {
    200: json(ValidationResult, 'Every problem at once'),
    ...bodyErrors,
    ...sessionErrors,
  },
});

export const journeyRoutes = new OpenAPIHono<AppEnv>()
  .openapi(listAll, async (c) => {
    requireRole(c, 'program-manager', 'compliance-reviewer');
    // The latest version's status is read from a text column: parsing checks it against the declared statuses.
    const journeys = (await listJourneys(c.get('deps').db)).map((journey) => JourneySummary.parse(journey));
    return c.json({ journeys }, 200);
  })
  .openapi(create, async (c) => {
    const user = requireRole(c, 'program-manager');
    const { name, document } = c.req.valid('json');
    const draft = document ? acceptDraft(document).document : starterDocument(name);
    return c.json({ journey: await createJourney(c.get('deps').db, user.id, name, draft) }, 201);
  })
  .openapi(getOne, async (c) => {
    requireRole(c, 'program-manager', 'compliance-reviewer');
    return c.json({ journey: await getJourney(c.get('deps').db, c.req.valid('param').id, connectorContext(c)) }, 200);
  })
  .openapi(saveTheDraft, async (c) => {
    const user = requireRole(c, 'program-manager');
    const { db } = c.get('deps');
    const { id } = c.req.valid('param');
    const { document, baseRevision } = c.req.valid('json');
    return c.json({ journey: await saveDraft(db, user.id, id, document, connectorContext(c), baseRevision) }, 200);
  })
  .openapi(snapshot, async (c) => {
    const user = requireRole(c, 'program-manager');
    const { id } = c.req.valid('param');
    return c.json({ version: await snapshotVersion(c.get('deps').db, user.id, id, connectorContext(c)) }, 201);
  })
  .openapi(validate, async (c) => {
    requireRole(c, 'program-manager', 'compliance-reviewer', 'engineer');
    const result = validateJourney(c.req.valid('json').document, connectorContext(c));
    return c.json({ ok: result.ok, problems: result.problems }, 200);
  });
