/** The audit trail for reviewers and admins: verify the keyed chain, export the records of a version or a time range. */
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { AppEnv } from '../context.js';
import type { Role } from '../../people/roles.js';
import { errors, json, sessionErrors } from '../openapi.js';
import { requireRole, roles } from '../auth.js';
import { appendAudit, verifyAudit } from '../../db/audit.js';
import { auditCsv, auditRecords } from '../../db/audit-export.js';
import { AuditExport, AuditExportQuery, AuditVerification } from '../schemas/audit.js';

/** Who reads the trail: reviewers (Part 11 inspections) and admins. */
export const AUDIT_ROLES: Role[] = ['compliance-reviewer', 'admin'];

const verify = createRoute({
  method: 'get',
  path: '/audit/verify',
  tags: ['Audit'],
  ...roles(...AUDIT_ROLES),
  summary: 'Verify the audit trail: every row, its link, its keyed hash and the signed head',
  responses: {
    200: json(AuditVerification, 'The verdict; `ok: false` names the first bad row and why'),
    ...sessionErrors,
  },
});

const exportTrail = createRoute({
  method: 'get',
  path: '/audit/export',
  tags: ['Audit'],
  ...roles(...AUDIT_ROLES),
  summary: 'Export the audit trail of one entity (a version, a journey, a user) or a time range, as JSON or CSV',
  request: { query: AuditExportQuery },
  responses: {
    200: {
      content: {
        'application/json': { schema: AuditExport },
        'text/csv': { schema: z.string().openapi({ description: 'One row a line, with a header line' }) },
      },
      description: 'The records, oldest first; the export itself is recorded in the trail',
    },
    400: errors[400],
    ...sessionErrors,
  },
});

export const auditRoutes = new OpenAPIHono<AppEnv>()
  .openapi(verify, async (c) => {
    requireRole(c, ...AUDIT_ROLES);
    return c.json(await verifyAudit(c.get('deps').db), 200);
  })
  .openapi(exportTrail, async (c) => {
    const user = requireRole(c, ...AUDIT_ROLES);
    const { db } = c.get('deps');
    const { format, ...filter } = c.req.valid('query');
    const verification = await verifyAudit(db);
    const records = await auditRecords(db, filter);
    await db.transaction(
      (tx) =>
        appendAudit(tx, {
          actor: user.id,
          action: 'audit.exported',
          entityType: 'audit',
          entityId: filter.entityId ?? 'trail',
          data: { format, filter, rows: records.length, verified: verification.ok },
        }),
      { behavior: 'immediate' },
    );
    const exportedAt = new Date().toISOString();
    if (format === 'csv') {
      const name = `carepath-audit-${filter.entityId ?? exportedAt.slice(0, 10)}.csv`.replace(/[^\w.-]/g, '_');
      return c.body(auditCsv(records), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${name}"`,
      });
    }
    return c.json({ exportedAt, exportedBy: user.name, filter, verification, records }, 200);
  });
