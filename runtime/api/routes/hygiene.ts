/** Contact hygiene for program managers and the care team: the report per version, per journey or overall, as JSON or a CSV download. */
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { AppEnv } from '../context.js';
import { lookupErrors } from '../openapi.js';
import { requireRole, roles } from '../auth.js';
import { appendAudit } from '../../db/audit.js';
import { contactHygieneReport } from '../../channels/hygiene.js';
import { hygieneCsv, hygieneFileName } from '../../channels/hygiene-csv.js';
import { HygieneQuery, HygieneReport } from '../schemas/hygiene.js';

const report = createRoute({
  method: 'get',
  path: '/contact-hygiene',
  tags: ['Patients'],
  ...roles('program-manager', 'care-team'),
  summary: 'Patients whose phone or email is bad, opted out, shared with another patient, or missing where used',
  request: { query: HygieneQuery },
  responses: {
    200: {
      content: {
        'application/json': { schema: HygieneReport },
        'text/csv': { schema: z.string().openapi({ description: 'One issue a line, with a header line' }) },
      },
      description: 'The report; a CSV download is recorded in the audit trail',
    },
    ...lookupErrors,
  },
});

export const hygieneRoutes = new OpenAPIHono<AppEnv>().openapi(report, async (c) => {
  const user = requireRole(c, 'program-manager', 'care-team');
  const { db } = c.get('deps');
  const { format, ...filter } = c.req.valid('query');
  const answer = await contactHygieneReport(db, filter);
  if (format === 'json') return c.json(answer, 200);
  // Contact data leaving the system: the download is audited, like every export.
  await db.transaction(
    (tx) =>
      appendAudit(tx, {
        actor: user.id,
        action: 'contact-hygiene.exported',
        entityType: answer.scope.kind === 'all' ? 'patients' : answer.scope.kind,
        entityId:
          answer.scope.kind === 'version'
            ? answer.scope.versionId
            : answer.scope.kind === 'journey'
              ? answer.scope.journeyId
              : 'all',
        data: { rows: answer.issues.length, patients: answer.patients },
      }),
    { behavior: 'immediate' },
  );
  return c.body(hygieneCsv(answer), 200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${hygieneFileName(answer)}"`,
  });
});
