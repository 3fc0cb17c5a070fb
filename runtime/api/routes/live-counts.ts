/** Live counts of a version for its canvas: a handful of count queries, never one per patient. */
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import type { AppEnv } from '../context.js';
import { json, IdParam, lookupErrors } from '../openapi.js';
import { LiveCountsAnswer } from '../schemas/live-counts.js';
import { roles } from '../auth.js';
import { liveCounts } from '../../live-counts/counts.js';

const forVersion = createRoute({
  method: 'get',
  path: '/versions/{id}/live-counts',
  tags: ['Versions'],
  ...roles('program-manager', 'care-team', 'compliance-reviewer'),
  summary: 'Patients at each step now, past each edge, goals reached and ends, for the canvas',
  description:
    "Step and edge counts come from Temporal's visibility (eventually consistent: they trail the journey by a " +
    'moment); goals and ends from the database.',
  request: { params: IdParam },
  responses: {
    200: json(LiveCountsAnswer, 'The counts'),
    ...lookupErrors,
  },
});

export const liveCountRoutes = new OpenAPIHono<AppEnv>().openapi(forVersion, async (c) => {
  const temporal = c.get('deps').temporal();
  return c.json(await liveCounts(c.get('deps').db, temporal?.client, c.req.valid('param').id), 200);
});
